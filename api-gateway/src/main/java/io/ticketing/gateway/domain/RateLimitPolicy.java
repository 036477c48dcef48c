package io.ticketing.gateway.domain;

import java.time.Duration;

/**
 * A token bucket's shape: a caller may send {@code capacity} requests at once and then {@code perSecond} per second.
 */
public record RateLimitPolicy(String name, int capacity, double perSecond) {

    public RateLimitPolicy {
        if (capacity < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("A rate limit needs capacity >= 1 and a positive refill rate");
        }
    }

    /** How long an empty bucket takes to fill again. */
    public Duration timeToFill() {
        return Duration.ofMillis((long) Math.ceil(capacity / perSecond * 1000));
    }
}
