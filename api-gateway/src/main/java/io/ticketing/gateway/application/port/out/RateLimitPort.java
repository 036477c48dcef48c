package io.ticketing.gateway.application.port.out;

import io.ticketing.gateway.domain.RateLimitDecision;
import io.ticketing.gateway.domain.RateLimitPolicy;
import reactor.core.publisher.Mono;

/** Token buckets keyed by caller, kept in memory or shared between gateway replicas. */
public interface RateLimitPort {

    Mono<RateLimitDecision> take(String key, RateLimitPolicy policy);
}
