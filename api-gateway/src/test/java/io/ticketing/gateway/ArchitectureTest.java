package io.ticketing.gateway;

import io.ticketing.platform.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void followsTheHexagonalRules() {
        ArchitectureRules.checkAll("io.ticketing.gateway");
    }
}
