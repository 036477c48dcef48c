package io.ticketing.notification.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live notification stream ({@code ticketing.live.*}).
 *
 * @param heartbeat         a comment line this often keeps proxies from closing an idle stream
 * @param timeout           a stream is closed after this long; the client reconnects with {@code Last-Event-ID}
 * @param pageSize          notifications read from the database at once, when a client resumes or the stream is
 *                          woken; one that missed more gets them all, a page at a time
 * @param maxStreamsPerUser one user may hold at most this many open streams on one replica (each holds a
 *                          connection, a thread and a listener for up to {@code timeout}); a further one is
 *                          refused with 429 rather than evicting an older one
 */
@ConfigurationProperties("ticketing.live")
public record LiveStreamSettings(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("30m") Duration timeout,
        @DefaultValue("100") int pageSize,
        @DefaultValue("10") int maxStreamsPerUser) {
}
