package io.ticketing.gateway.adapter.in.web;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * user-service's public keys for the gateway's token checks. Spring's reactive decoder keeps the key set it
 * fetched first until a token names an unknown key id (spring-security#7474): a key withdrawn from the JWKS stayed
 * trusted until the gateway restarted, and every forged key id cost a fetch. Here the set is fetched again once it
 * is {@code maxAge} old, and for an unknown key id at most once per {@code minInterval}; concurrent callers share
 * one fetch. When a fetch fails, the keys fetched last stay in use (user-service down must not fail every token)
 * and the fetch is tried again after {@code minInterval}.
 */
final class RefreshingJwkSource implements Function<SignedJWT, Flux<JWK>> {

    static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** A rotated-in key is trusted within this time; forged key ids cost at most one fetch per interval. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    private static final Duration FIRST_FETCH_RETRY = Duration.ofSeconds(1);
    /** Reactor's "forever": the age is judged by {@link #apply} on this source's clock. */
    private static final Duration KEPT_UNTIL_REPLACED = Duration.ofMillis(Long.MAX_VALUE);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(RefreshingJwkSource.class);

    private final Mono<JWKSet> fetch;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration minInterval;
    private final AtomicReference<Mono<Keys>> keys = new AtomicReference<>();

    /** The set in use, when it was fetched (or last tried), and whether that fetch succeeded. */
    private record Keys(JWKSet set, Instant at, boolean fresh) {
    }

    RefreshingJwkSource(Mono<JWKSet> fetch, Clock clock, Duration maxAge, Duration minInterval) {
        this.fetch = fetch;
        this.clock = clock;
        this.maxAge = maxAge;
        this.minInterval = minInterval;
        keys.set(cachedFetch(null));
    }

    static RefreshingJwkSource over(WebClient web, String jwksUrl) {
        Mono<JWKSet> fetch = web.get().uri(jwksUrl).retrieve().bodyToMono(String.class)
                .timeout(FETCH_TIMEOUT)
                .handle((json, sink) -> {
                    try {
                        sink.next(JWKSet.parse(json));
                    } catch (ParseException e) {
                        sink.error(new IllegalStateException("Unreadable JWKS at " + jwksUrl, e));
                    }
                });
        return new RefreshingJwkSource(fetch, Clock.systemUTC(), MAX_AGE, MIN_INTERVAL);
    }

    @Override
    public Flux<JWK> apply(SignedJWT token) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(token.getHeader()));
        Mono<Keys> current = keys.get();
        return current.flatMapMany(known -> {
            Instant now = clock.instant();
            boolean expired = !now.isBefore(known.at().plus(known.fresh() ? maxAge : minInterval));
            List<JWK> matching = expired ? List.of() : selector.select(known.set());
            if (!matching.isEmpty() || !expired && now.isBefore(known.at().plus(minInterval))) {
                return Flux.fromIterable(matching);
            }
            // too old, or a key id not among them: perhaps a key published since
            Mono<Keys> refetched = cachedFetch(known.set());
            Mono<Keys> next = keys.compareAndSet(current, refetched) ? refetched : keys.get();
            return next.flatMapIterable(again -> selector.select(again.set()));
        });
    }

    /**
     * One fetch shared by every caller, falling back on the keys in use when it fails; a failure with no keys to
     * fall back on is kept a second only.
     */
    private Mono<Keys> cachedFetch(@Nullable JWKSet stale) {
        return fetch
                .map(set -> new Keys(set, clock.instant(), true))
                .onErrorResume(e -> {
                    if (stale == null) {
                        return Mono.error(e);
                    }
                    log.warn("Could not fetch the JWKS again ({}); still using the keys fetched before", e.toString());
                    return Mono.just(new Keys(stale, clock.instant(), false));
                })
                .cache(fetched -> KEPT_UNTIL_REPLACED, e -> FIRST_FETCH_RETRY, () -> Duration.ZERO);
    }
}
