package io.ticketing.gateway.adapter.out.ratelimit;

import java.time.Duration;
import java.util.List;

import io.ticketing.gateway.application.port.out.RateLimitPort;
import io.ticketing.gateway.domain.RateLimitDecision;
import io.ticketing.gateway.domain.RateLimitPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Buckets shared by every gateway replica: one Lua script refills and takes atomically on the Redis server, with
 * Redis' own clock, so replicas with skewed clocks agree. When Redis fails the request is judged by the local
 * buckets instead: a Redis outage must not take the API down.
 */
class RedisRateLimiter implements RateLimitPort {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final String KEY_PREFIX = "ticketing:ratelimit:";

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> TAKE = RedisScript.of("""
            local capacity = tonumber(ARGV[1])
            local per_second = tonumber(ARGV[2])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1]) or capacity
            local at = tonumber(state[2]) or now
            tokens = math.min(capacity, tokens + math.max(0, now - at) / 1000 * per_second)
            local allowed = 0
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            else
              wait = math.ceil((1 - tokens) / per_second * 1000)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / per_second * 1000) + 1000)
            return {allowed, math.floor(tokens), wait}
            """, List.class);

    private final ReactiveStringRedisTemplate redis;
    private final RateLimitPort fallback;

    RedisRateLimiter(ReactiveStringRedisTemplate redis, RateLimitPort fallback) {
        this.redis = redis;
        this.fallback = fallback;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Mono<RateLimitDecision> take(String key, RateLimitPolicy policy) {
        return redis.execute(TAKE, List.of(KEY_PREFIX + policy.name() + ":" + key),
                        List.of(String.valueOf(policy.capacity()), String.valueOf(policy.perSecond())))
                .next()
                .map(result -> decision((List<Object>) result))
                .timeout(Duration.ofMillis(500))
                .onErrorResume(e -> {
                    log.warn("Redis rate limiting unavailable ({}); using this instance's buckets", e.toString());
                    return fallback.take(key, policy);
                });
    }

    private static RateLimitDecision decision(List<Object> result) {
        long allowed = ((Number) result.get(0)).longValue();
        long remaining = ((Number) result.get(1)).longValue();
        long waitMillis = ((Number) result.get(2)).longValue();
        return allowed == 1 ? RateLimitDecision.allow(remaining)
                : RateLimitDecision.deny(Duration.ofMillis(waitMillis));
    }
}
