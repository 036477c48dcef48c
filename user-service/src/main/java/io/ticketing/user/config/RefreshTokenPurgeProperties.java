package io.ticketing.user.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The purge of finished sessions' refresh tokens ({@code ticketing.refresh-token-purge.*}).
 *
 * @param grace     how long a session's tokens are kept after its newest token expired
 * @param interval  pause between runs of the purge job
 * @param batchSize tokens deleted per statement (and transaction), so a backlog never holds long locks
 */
@ConfigurationProperties("ticketing.refresh-token-purge")
public record RefreshTokenPurgeProperties(
        @DefaultValue("7d") Duration grace,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("1000") int batchSize) {

    public RefreshTokenPurgeProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
    }
}
