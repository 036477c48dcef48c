package io.ticketing.notification;

import io.ticketing.platform.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void followsTheHexagonalRules() {
        ArchitectureRules.checkAll("io.ticketing.notification");
    }
}
