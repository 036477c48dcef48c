package io.ticketing.gateway.adapter.out.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.ticketing.gateway.domain.RateLimitPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryRateLimiterTest {

    private static final RateLimitPolicy AUTH = new RateLimitPolicy("auth", 2, 0.2);

    @Test
    void eachCallerHasItsOwnBucketPerPolicy() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        assertThat(limiter.take("ip:a", AUTH).block().allowed()).isTrue();
        assertThat(limiter.take("ip:a", AUTH).block().allowed()).isTrue();
        assertThat(limiter.take("ip:a", AUTH).block().allowed()).isFalse();
        assertThat(limiter.take("ip:b", AUTH).block().allowed()).isTrue();
        assertThat(limiter.take("ip:a", new RateLimitPolicy("standard", 1, 1)).block().allowed()).isTrue();
    }

    @Test
    void aBucketIsForgettableOnceAnEmptyOneWouldHaveRefilled() {
        assertThat(AUTH.timeToFill()).isEqualTo(Duration.ofSeconds(10));
        assertThat(new RateLimitPolicy("standard", 100, 20).timeToFill()).isEqualTo(Duration.ofSeconds(5));
    }
}
