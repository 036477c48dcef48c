package io.ticketing.notification.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live notification stream ({@code ticketing.live.*}).
 *
 * @param heartbeat   a comment line this often keeps proxies from closing an idle stream
 * @param timeout     a stream is closed after this long; the client reconnects with {@code Last-Event-ID}
 * @param resumeLimit at most this many missed notifications are replayed on reconnect
 */
@ConfigurationProperties("ticketing.live")
public record LiveStreamSettings(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("30m") Duration timeout,
        @DefaultValue("100") int resumeLimit) {
}
