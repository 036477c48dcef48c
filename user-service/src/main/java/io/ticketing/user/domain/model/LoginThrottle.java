package io.ticketing.user.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Refuses logins for an e-mail address once it has {@code maxFailures} failed attempts within {@code window}.
 * It unlocks as soon as enough of those failures fall out of the window.
 */
public record LoginThrottle(int maxFailures, Duration window) {

    public LoginThrottle {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("maxFailures must be >= 1 and window positive");
        }
    }

    /** The start of the window that counts at {@code now}. */
    public Instant windowStart(Instant now) {
        return now.minus(window);
    }

    /**
     * Throws {@link TooManyLoginAttempts} when the failures recorded inside the window (oldest first) reach
     * the limit. Retry-After is when the failure that keeps the count at the limit leaves the window, in
     * whole seconds, at least one.
     */
    public void check(List<Instant> failuresInWindow, Instant now) {
        int count = failuresInWindow.size();
        if (count < maxFailures) {
            return;
        }
        Instant unlocksAt = failuresInWindow.get(count - maxFailures).plus(window);
        long millis = Math.max(0, Duration.between(now, unlocksAt).toMillis());
        throw new TooManyLoginAttempts(Duration.ofSeconds(Math.max(1, (millis + 999) / 1000)));
    }
}
