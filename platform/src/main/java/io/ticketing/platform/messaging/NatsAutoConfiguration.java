package io.ticketing.platform.messaging;

import java.io.IOException;
import java.time.Duration;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.ticketing.platform.command.CommandClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** One NATS connection per service: reconnects forever, provisions the streams at start. */
@AutoConfiguration
@EnableConfigurationProperties(NatsProperties.class)
public class NatsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NatsAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Connection natsConnection(NatsProperties properties, @Value("${spring.application.name:ticketing}") String name)
            throws IOException, InterruptedException, JetStreamApiException {
        Options.Builder options = Options.builder()
                .servers(properties.servers().toArray(String[]::new))
                .connectionName(name)
                .inboxPrefix(inboxPrefix(name))
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(500))
                // nothing is buffered while disconnected: a publish fails at once, so a caller told "not stored"
                // (a 503 from the gateway) is right - a buffered command would be sent after the reconnect anyway
                .reconnectBufferSize(0)
                .connectionTimeout(Duration.ofSeconds(5))
                .errorListener(new QuietPullTimeouts())
                .connectionListener((conn, event) -> {
                    if (event != ConnectionListener.Events.RESUBSCRIBED) {
                        log.info("NATS connection {}", event);
                    }
                });
        if (properties.username() != null) {
            options.userInfo(properties.username(), properties.password() == null ? "" : properties.password());
        }
        Connection connection = connectWithRetry(options.build());
        if (properties.provisionStreams()) {
            new StreamProvisioner(connection, properties).provision();
        }
        return connection;
    }

    @Bean
    @ConditionalOnMissingBean
    JetStream jetStream(Connection connection) throws IOException {
        return connection.jetStream();
    }

    @Bean
    @ConditionalOnMissingBean
    CommandClient commandClient(Connection connection, JetStream jetStream) {
        return new CommandClient(connection, jetStream);
    }

    /**
     * The prefix of this service's inboxes, {@code _INBOX_<spring.application.name>} (jnats adds the dot): the
     * subjects its request replies, JetStream API answers and pulled JetStream messages are delivered to. Its NATS
     * user may subscribe to {@code _INBOX_<name>.>} only (deploy/nats/users.conf), so no service reads another's
     * replies or deliveries, which the shared default {@code _INBOX.} would allow. A character that may not stand in
     * a subject token becomes {@code _}.
     */
    public static String inboxPrefix(String applicationName) {
        return "_INBOX_" + applicationName.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** A service started before NATS waits for it instead of failing to start. */
    private static Connection connectWithRetry(Options options) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                return Nats.connect(options);
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                log.warn("NATS not reachable yet ({}); retrying", e.getMessage());
                Thread.sleep(1000);
            }
        }
    }
}
