package io.ticketing.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.ticketing.platform.test.TestNats;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the gateway at the test JVM's real NATS server, the stub services, a built "web client" and small rate
 * limits. user-service's one replica passes its health checks but drops every request unanswered, so routes to
 * it show the outage answer and which requests the gateway sends twice; notification-service has two replicas,
 * one of them down, so the gateway must route around it.
 */
public class GatewayTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final int RATE_LIMIT_CAPACITY = 30;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        StubServices stubs = StubServices.get();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("gateway-test", Map.ofEntries(
                Map.entry("ticketing.nats.servers", TestNats.url()),
                Map.entry("ticketing.security.jwks-url", stubs.url() + "/.well-known/jwks.json"),
                Map.entry("ticketing.services.ticket", stubs.url()),
                Map.entry("ticketing.services.notification", StubServices.downUrl() + "," + stubs.url()),
                Map.entry("ticketing.services.user", DroppingService.get().url()),
                Map.entry("ticketing.services.train", stubs.url()),
                Map.entry("ticketing.gateway.command-timeout", "2s"),
                Map.entry("ticketing.gateway.ticket-lookup-timeout", "1s"),
                Map.entry("ticketing.gateway.web-dist", webDist().toString()),
                Map.entry("ticketing.rate-limit.standard.capacity", String.valueOf(RATE_LIMIT_CAPACITY)),
                Map.entry("ticketing.rate-limit.standard.per-second", "1"),
                Map.entry("ticketing.rate-limit.auth.capacity", "20"),
                Map.entry("ticketing.rate-limit.auth.per-second", "1"))));
    }

    private static Path webDist() {
        try {
            Path dist = Files.createTempDirectory("web-dist");
            Files.writeString(dist.resolve("index.html"), "<!doctype html><title>ticketing</title><div id=root></div>");
            Files.createDirectories(dist.resolve("assets"));
            Files.writeString(dist.resolve("assets/app.js"), "console.log('ticketing');");
            return dist;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
