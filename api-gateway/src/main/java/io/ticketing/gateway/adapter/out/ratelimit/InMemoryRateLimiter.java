package io.ticketing.gateway.adapter.out.ratelimit;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.ticketing.gateway.application.port.out.RateLimitPort;
import io.ticketing.gateway.domain.RateLimitDecision;
import io.ticketing.gateway.domain.RateLimitPolicy;
import io.ticketing.gateway.domain.TokenBucket;
import reactor.core.publisher.Mono;

/**
 * Buckets of one gateway instance, in a bounded cache: a bucket untouched for as long as it takes to refill is
 * full, so forgetting it changes no decision; past the size bound the least used go first.
 */
class InMemoryRateLimiter implements RateLimitPort {

    private static final int MAX_BUCKETS = 100_000;

    private record Entry(TokenBucket bucket, RateLimitPolicy policy) {
    }

    private final Cache<String, Entry> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_BUCKETS)
            .expireAfter(Expiry.writing((String key, Entry entry) -> entry.policy().timeToFill()))
            .build();
    private final Clock clock;

    InMemoryRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Mono<RateLimitDecision> take(String key, RateLimitPolicy policy) {
        long now = clock.millis();
        AtomicReference<RateLimitDecision> decision = new AtomicReference<>();
        buckets.asMap().compute(policy.name() + ":" + key, (k, entry) -> {
            TokenBucket bucket = entry == null ? TokenBucket.full(policy, now) : entry.bucket();
            TokenBucket.Taken taken = bucket.take(policy, now);
            decision.set(taken.decision());
            return new Entry(taken.bucket(), policy);
        });
        return Mono.just(decision.get());
    }
}
