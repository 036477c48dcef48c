package io.ticketing.gateway.adapter.in.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefreshingJwkSourceTest {

    private static RSAKey oldKey;
    private static RSAKey newKey;

    private final MutableClock clock = new MutableClock();
    private final Deque<Mono<JWKSet>> answers = new ArrayDeque<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final RefreshingJwkSource source = new RefreshingJwkSource(
            Mono.defer(() -> {
                fetches.incrementAndGet();
                return answers.size() > 1 ? answers.poll() : answers.peek();
            }), clock, Duration.ofMinutes(5), Duration.ofSeconds(30));

    @BeforeAll
    static void keys() throws Exception {
        oldKey = new RSAKeyGenerator(2048).keyID("old").generate();
        newKey = new RSAKeyGenerator(2048).keyID("new").generate();
    }

    @Test
    void aKeyWithdrawnFromTheJwksIsNoLongerTrustedOnceTheKeysAreFiveMinutesOld() {
        answers.add(jwks(oldKey, newKey));
        answers.add(jwks(newKey));
        assertThat(keysFor("old")).hasSize(1);

        clock.advance(Duration.ofMinutes(4));
        assertThat(keysFor("old")).as("within five minutes").hasSize(1);
        clock.advance(Duration.ofMinutes(2));
        assertThat(keysFor("old")).as("after five minutes").isEmpty();
        assertThat(keysFor("new")).hasSize(1);
    }

    @Test
    void anUnknownKeyIdFetchesTheKeysAgainAtMostOncePerInterval() {
        answers.add(jwks(oldKey));
        answers.add(jwks(oldKey, newKey));
        assertThat(keysFor("old")).hasSize(1);
        assertThat(fetches).hasValue(1);

        for (int i = 0; i < 20; i++) {
            assertThat(keysFor("forged-" + i)).isEmpty();
        }
        assertThat(fetches).as("forged key ids within the interval").hasValue(1);

        clock.advance(Duration.ofSeconds(31));
        assertThat(keysFor("new")).as("a key published since is found").hasSize(1);
        assertThat(fetches).hasValue(2);
        assertThat(keysFor("forged")).isEmpty();
        assertThat(fetches).hasValue(2);
    }

    @Test
    void whenTheJwksCannotBeFetchedTheKeysFetchedBeforeStayInUseAndItIsTriedAgainLater() {
        answers.add(jwks(oldKey));
        answers.add(Mono.error(new IllegalStateException("user-service is down")));
        answers.add(jwks(newKey));
        assertThat(keysFor("old")).hasSize(1);

        clock.advance(Duration.ofMinutes(6));
        assertThat(keysFor("old")).as("user-service down: the old keys").hasSize(1);
        assertThat(fetches).hasValue(2);
        clock.advance(Duration.ofSeconds(10));
        assertThat(keysFor("old")).hasSize(1);
        assertThat(fetches).as("not asked again at once").hasValue(2);

        clock.advance(Duration.ofSeconds(25));
        assertThat(keysFor("old")).as("fetched again once user-service is back").isEmpty();
        assertThat(fetches).hasValue(3);
    }

    @Test
    void withNoKeysYetAFailedFetchFailsTheCheck() {
        answers.add(Mono.error(new IllegalStateException("user-service is down")));
        assertThatThrownBy(() -> keysFor("old")).hasMessageContaining("user-service is down");
    }

    private List<JWK> keysFor(String keyId) {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(),
                new JWTClaimsSet.Builder().subject("someone").build());
        return source.apply(token).collectList().block();
    }

    private static Mono<JWKSet> jwks(RSAKey... keys) {
        return Mono.just(new JWKSet(List.of(keys).stream().map(k -> (JWK) k.toPublicJWK()).toList()));
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-12-08T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
