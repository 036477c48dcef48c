package io.ticketing.user.domain.model;

import java.time.Duration;

/** How long a refresh token stays usable after it is issued (each rotation starts a new lifetime). */
public record SessionPolicy(Duration refreshTokenLifetime) {

    public SessionPolicy {
        if (refreshTokenLifetime.isNegative() || refreshTokenLifetime.isZero()) {
            throw new IllegalArgumentException("refreshTokenLifetime must be positive");
        }
    }
}
