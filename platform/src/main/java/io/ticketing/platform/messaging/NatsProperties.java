package io.ticketing.platform.messaging;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * NATS connection and JetStream settings ({@code ticketing.nats.*}).
 *
 * @param servers          every server URL of the cluster
 * @param replicas         stream replicas (3 on a cluster)
 * @param syncAlways       informational: the server's {@code sync_interval: always} is set in nats.conf
 * @param duplicateWindow  how long JetStream remembers a {@code Nats-Msg-Id}
 * @param eventRetention   how long events stay in their streams (replay horizon)
 */
@ConfigurationProperties("ticketing.nats")
public record NatsProperties(
        @DefaultValue("nats://127.0.0.1:4222") List<String> servers,
        @Nullable String username,
        @Nullable String password,
        @DefaultValue("1") int replicas,
        @DefaultValue("2m") Duration duplicateWindow,
        @DefaultValue("30d") Duration eventRetention,
        @DefaultValue("true") boolean provisionStreams) {
}
