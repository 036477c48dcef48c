package io.ticketing.gateway.adapter.out.ratelimit;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.ticketing.gateway.application.port.out.RateLimitPort;
import io.ticketing.gateway.domain.RateLimitDecision;
import io.ticketing.gateway.domain.RateLimitPolicy;
import io.ticketing.gateway.domain.TokenBucket;
import reactor.core.publisher.Mono;

/** Buckets of one gateway instance. Full buckets are forgotten once the map grows, so memory stays bounded. */
class InMemoryRateLimiter implements RateLimitPort {

    private static final int SWEEP_ABOVE = 50_000;

    private record Entry(TokenBucket bucket, RateLimitPolicy policy) {
    }

    private final ConcurrentHashMap<String, Entry> buckets = new ConcurrentHashMap<>();
    private final Clock clock;

    InMemoryRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Mono<RateLimitDecision> take(String key, RateLimitPolicy policy) {
        long now = clock.millis();
        AtomicReference<RateLimitDecision> decision = new AtomicReference<>();
        buckets.compute(policy.name() + ":" + key, (k, entry) -> {
            TokenBucket bucket = entry == null ? TokenBucket.full(policy, now) : entry.bucket();
            TokenBucket.Taken taken = bucket.take(policy, now);
            decision.set(taken.decision());
            return new Entry(taken.bucket(), policy);
        });
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.entrySet().removeIf(e -> e.getValue().bucket().isFullAt(e.getValue().policy(), now));
        }
        return Mono.just(decision.get());
    }
}
