package io.ticketing.notification.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Runs the embedded SMTP server (and points the mail sender) at a free port, so parallel builds never clash. */
public class FreeSmtpPort implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try (ServerSocket socket = new ServerSocket(0)) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-smtp", Map.of(
                    "spring.mail.host", "127.0.0.1",
                    "spring.mail.port", socket.getLocalPort(),
                    "ticketing.mail.embedded-server.enabled", "true")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
