package io.ticketing.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

class ExitWhenReadyTest {

    @Configuration(proxyBeanMethods = false)
    static class App {
    }

    @Test
    void aReadyTrainingRunIsClosedAndExitsWithItsExitCode() {
        List<Integer> exits = new ArrayList<>();

        ConfigurableApplicationContext context = run(exits, Map.of(ExitWhenReady.PROPERTY, "true"));

        assertThat(exits).containsExactly(0);
        assertThat(context.isActive()).isFalse();
    }

    @Test
    void anyOtherRunKeepsRunning() {
        List<Integer> exits = new ArrayList<>();

        try (ConfigurableApplicationContext context = run(exits, Map.of())) {
            assertThat(exits).isEmpty();
            assertThat(context.isActive()).isTrue();
        }
    }

    private static ConfigurableApplicationContext run(List<Integer> exits, Map<String, Object> properties) {
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(properties);
        application.addListeners(new ExitWhenReady(exits::add));
        return application.run();
    }
}
