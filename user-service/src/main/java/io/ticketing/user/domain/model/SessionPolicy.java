package io.ticketing.user.domain.model;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a refresh token stays usable after it is issued (each rotation starts a new lifetime), and how long
 * after its rotation a used token may come back without the session being taken for stolen.
 *
 * <p>The grace exists because a second presentation shortly after a rotation is usually the session's own
 * client: a duplicated browser tab refreshing with the token it copied, or a retry of a refresh whose answer was
 * lost. Such a presentation is refused but spares the session, so whoever holds the newer token stays logged
 * in. Later reuse still revokes the session; a zero grace revokes on every reuse.
 */
public record SessionPolicy(Duration refreshTokenLifetime, Duration refreshReuseGrace) {

    public SessionPolicy {
        if (refreshTokenLifetime.isNegative() || refreshTokenLifetime.isZero()) {
            throw new IllegalArgumentException("refreshTokenLifetime must be positive");
        }
        if (refreshReuseGrace.isNegative()) {
            throw new IllegalArgumentException("refreshReuseGrace must not be negative");
        }
    }

    /** Whether a token rotated at {@code rotatedAt} and presented again at {@code now} is within the grace. */
    public boolean forgivesReuse(Instant rotatedAt, Instant now) {
        return now.isBefore(rotatedAt.plus(refreshReuseGrace));
    }
}
