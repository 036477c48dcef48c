package io.ticketing.user.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LoginThrottleTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(1));

    @Test
    void allowsFewerFailuresThanTheLimit() {
        assertThatCode(() -> throttle.check(ago(40, 30, 20, 10), NOW)).doesNotThrowAnyException();
    }

    @Test
    void refusesAtTheLimitUntilTheOldestFailureLeavesTheWindow() {
        TooManyLoginAttempts refused = catchThrowableOfType(TooManyLoginAttempts.class,
                () -> throttle.check(ago(50, 40, 30, 20, 10), NOW));

        assertThat(refused.kind().status()).isEqualTo(429);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void beyondTheLimitWaitsForEnoughFailuresToExpire() {
        TooManyLoginAttempts refused = catchThrowableOfType(TooManyLoginAttempts.class,
                () -> throttle.check(ago(55, 50, 40, 30, 20, 10), NOW));

        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        TooManyLoginAttempts refused = catchThrowableOfType(TooManyLoginAttempts.class,
                () -> throttle.check(List.of(NOW.minus(Duration.ofMillis(59_999)), NOW, NOW, NOW, NOW), NOW));

        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    private static List<Instant> ago(int... seconds) {
        return java.util.Arrays.stream(seconds).mapToObj(s -> NOW.minusSeconds(s)).toList();
    }
}
