package io.ticketing.gateway.domain;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private final RateLimitPolicy policy = new RateLimitPolicy("test", 3, 0.5);

    @Test
    void allowsABurstUpToCapacityThenAsksToWaitForTheNextToken() {
        TokenBucket bucket = TokenBucket.full(policy, 0);
        for (int i = 0; i < 3; i++) {
            TokenBucket.Taken taken = bucket.take(policy, 0);
            assertThat(taken.decision().allowed()).isTrue();
            bucket = taken.bucket();
        }
        TokenBucket.Taken refused = bucket.take(policy, 0);
        assertThat(refused.decision().allowed()).isFalse();
        assertThat(refused.decision().retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void refillsOverTimeButNeverBeyondCapacity() {
        TokenBucket empty = new TokenBucket(0, 0);
        assertThat(empty.take(policy, 1_000).decision().allowed()).isFalse();
        assertThat(empty.take(policy, 2_000).decision().allowed()).isTrue();
        assertThat(empty.take(policy, 3_600_000).decision().remaining()).isEqualTo(2);
        assertThat(empty.isFullAt(policy, 6_000)).isTrue();
    }
}
