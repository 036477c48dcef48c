package io.ticketing.user.domain.model;

import java.time.Duration;
import java.time.Instant;

/**
 * How long refresh tokens are kept after their session (family) is over. A used token must outlive its own
 * expiry while its session goes on: presenting it again is how a stolen token is detected and the session
 * revoked ({@link RefreshToken#rotate}). So tokens are forgotten per session, once even its newest token has
 * been expired for {@code graceAfterExpiry}; the grace also absorbs clock differences between replicas.
 */
public record RefreshTokenRetention(Duration graceAfterExpiry) {

    public RefreshTokenRetention {
        if (graceAfterExpiry.isNegative() || graceAfterExpiry.isZero()) {
            throw new IllegalArgumentException("graceAfterExpiry must be positive");
        }
    }

    /** Sessions whose every token expired before this instant may be forgotten. */
    public Instant forgetSessionsExpiredBefore(Instant now) {
        return now.minus(graceAfterExpiry);
    }
}
