package io.ticketing.gateway.domain;

import java.time.Duration;

/** One caller's bucket at a point in time; taking a token returns the next state and the decision. */
public record TokenBucket(double tokens, long updatedAtMillis) {

    public record Taken(TokenBucket bucket, RateLimitDecision decision) {
    }

    public static TokenBucket full(RateLimitPolicy policy, long nowMillis) {
        return new TokenBucket(policy.capacity(), nowMillis);
    }

    public Taken take(RateLimitPolicy policy, long nowMillis) {
        double elapsedSeconds = Math.max(0, nowMillis - updatedAtMillis) / 1000.0;
        double available = Math.min(policy.capacity(), tokens + elapsedSeconds * policy.perSecond());
        if (available >= 1) {
            return new Taken(new TokenBucket(available - 1, nowMillis),
                    RateLimitDecision.allow((long) Math.floor(available - 1)));
        }
        long waitMillis = (long) Math.ceil((1 - available) / policy.perSecond() * 1000);
        return new Taken(new TokenBucket(available, nowMillis), RateLimitDecision.deny(Duration.ofMillis(waitMillis)));
    }

    /** A bucket that has refilled completely carries no information and may be forgotten. */
    public boolean isFullAt(RateLimitPolicy policy, long nowMillis) {
        return tokens + Math.max(0, nowMillis - updatedAtMillis) / 1000.0 * policy.perSecond() >= policy.capacity();
    }
}
