package io.ticketing.systemtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.ticketing.systemtest.support.NodeProcess;
import io.ticketing.systemtest.support.Stack;
import io.ticketing.systemtest.support.Summary;
import io.ticketing.systemtest.support.SystemTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web client's browser tests (web/e2e, playwright-core driving Debian's Chromium) against this stack:
 * a traveller's journey and an operator creating a trip. Screenshots land in web/test-results/.
 */
@SystemTest
class WebClientE2EIT {

    private static final Path WEB = NodeProcess.projectDir("web");

    @Test
    void travellerAndOperatorJourneysInARealBrowser() {
        assertThat(Path.of("/usr/bin/chromium")).as("Chromium (./ticketing test installs it with apt-get)").exists();
        NodeProcess.ensureBuilt(WEB, "dist/index.html");
        assertThat(Files.exists(WEB.resolve("dist/index.html"))).isTrue();
        Stack stack = Stack.get();
        NodeProcess e2e = NodeProcess.start(WEB, Map.of(
                "E2E_BASE_URL", stack.gatewayUrl(),
                "E2E_ADMIN_EMAIL", stack.adminEmail(),
                "E2E_ADMIN_PASSWORD", stack.adminPassword()), "npm", "run", "test:e2e");
        int code = e2e.waitFor(Duration.ofMinutes(5));
        e2e.stdout().forEach(l -> System.out.println("[web e2e] " + l));
        e2e.stderr().forEach(l -> System.out.println("[web e2e] " + l));
        assertThat(code).as("npm run test:e2e exit code").isZero();
        Summary.count("browser journeys passed", 2);
    }
}
