package io.ticketing.gateway.adapter.out.ratelimit;

import java.time.Clock;
import java.util.UUID;

import io.ticketing.gateway.domain.RateLimitDecision;
import io.ticketing.gateway.domain.RateLimitPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared buckets against the local Redis (127.0.0.1:6379, or REDIS_URL). */
class RedisRateLimiterIT {

    private static final String REDIS_URL = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
    private LettuceConnectionFactory factory;

    private RedisRateLimiter limiter(String url) {
        factory = new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(url));
        factory.afterPropertiesSet();
        factory.start();
        return new RedisRateLimiter(new ReactiveStringRedisTemplate(factory),
                new InMemoryRateLimiter(Clock.systemUTC()));
    }

    @AfterEach
    void close() {
        factory.destroy();
    }

    @Test
    void sharesOneBucketPerKeyInRedis() {
        RedisRateLimiter one = limiter(REDIS_URL);
        RedisRateLimiter other = new RedisRateLimiter(new ReactiveStringRedisTemplate(factory),
                new InMemoryRateLimiter(Clock.systemUTC()));
        RateLimitPolicy policy = new RateLimitPolicy("it", 3, 0.01);
        String key = "user:" + UUID.randomUUID();

        assertThat(one.take(key, policy).block().allowed()).isTrue();
        assertThat(other.take(key, policy).block().allowed()).isTrue();
        assertThat(one.take(key, policy).block().remaining()).isZero();
        RateLimitDecision refused = other.take(key, policy).block();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter().toSeconds()).isPositive();

        assertThat(one.take("user:" + UUID.randomUUID(), policy).block().allowed()).isTrue();
    }

    @Test
    void fallsBackToLocalBucketsWhenRedisIsUnreachable() {
        RedisRateLimiter limiter = limiter("redis://127.0.0.1:1");
        RateLimitPolicy policy = new RateLimitPolicy("it", 1, 0.01);
        assertThat(limiter.take("k", policy).block().allowed()).isTrue();
        assertThat(limiter.take("k", policy).block().allowed()).isFalse();
    }
}
