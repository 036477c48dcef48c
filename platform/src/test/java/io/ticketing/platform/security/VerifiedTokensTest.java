package io.ticketing.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private Instant now = Instant.parse("2026-11-25T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AtomicInteger verifications = new AtomicInteger();

    /** Verifies "good-*" tokens (valid for 10 minutes from now) and refuses any other. */
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good-")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(10))).build();
    };

    private final JwtDecoder decoder = new VerifiedTokens(100, Duration.ofMinutes(5), clock).caching(verifier);

    @Test
    void aTokenIsVerifiedOnceAndThenServedAsVerified() {
        Jwt first = decoder.decode("good-a");
        Jwt again = decoder.decode("good-a");

        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void anotherTokenIsVerifiedOnItsOwn() {
        decoder.decode("good-a");
        assertThat(decoder.decode("good-b").getSubject()).isEqualTo("good-b");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverRemembered() {
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenIsVerifiedAgainOnceItHasExpired() {
        decoder.decode("good-a");
        now = now.plus(Duration.ofMinutes(11));

        decoder.decode("good-a");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenAlreadyExpiredIsNotRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), clock);
        Jwt expired = Jwt.withTokenValue("good-old").header("alg", "RS256").subject("x")
                .issuedAt(now.minus(Duration.ofHours(1))).expiresAt(now.minusSeconds(1)).build();

        tokens.remember("good-old", expired);

        assertThat(tokens.get("good-old")).isNull();
    }
}
