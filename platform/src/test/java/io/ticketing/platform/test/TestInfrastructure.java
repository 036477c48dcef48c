package io.ticketing.platform.test;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at real infrastructure: a fresh PostgreSQL database per context (contexts
 * are cached and reused across test classes) and the test JVM's NATS server.
 * Use with {@code @ContextConfiguration(initializers = TestInfrastructure.class)} or {@link ServiceIntegrationTest}.
 */
public class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String app = context.getEnvironment().getProperty("spring.application.name", "test");
        TestPostgres.Database db = TestPostgres.freshDatabase(app.replace('-', '_'));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-infrastructure", Map.of(
                "spring.datasource.url", db.url(),
                "spring.datasource.username", db.user(),
                "spring.datasource.password", db.password(),
                "ticketing.nats.servers", TestNats.url())));
    }
}
