package io.ticketing.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

class ExitWhenReadyTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TrainingRunAutoConfiguration.class));

    @Configuration(proxyBeanMethods = false)
    static class App {
    }

    @Test
    void aReadyApplicationIsClosedAndExitsWithItsExitCode() {
        List<Integer> exits = new ArrayList<>();
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.addListeners(new ExitWhenReady(exits::add));

        ConfigurableApplicationContext context = application.run();

        assertThat(exits).containsExactly(0);
        assertThat(context.isActive()).isFalse();
    }

    @Test
    void onlyATrainingRunExitsWhenReady() {
        contexts.run(context -> assertThat(context).doesNotHaveBean(ExitWhenReady.class));
        contexts.withPropertyValues("ticketing.startup.exit-when-ready=true")
                .run(context -> assertThat(context).hasSingleBean(ExitWhenReady.class));
    }
}
