package io.ticketing.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Access tokens already verified (signature, expiry, issuer, audience), remembered until they expire.
 * <p>
 * A client sends the same access token with every request of its lifetime, and checking its RS256 signature
 * again each time was a tenth of a service's CPU under load ({@code bench/RESULTS.md}). The key is the whole
 * token, so only the very token that passed is let through again, and never past its {@code exp}. A key
 * withdrawn from the JWKS stops covering tokens already seen after {@code maxAge} at most.
 */
public final class VerifiedTokens {

    /** Enough for every user active in the last minutes; each entry is one parsed token (about 2 KB). */
    public static final int DEFAULT_SIZE = 10_000;
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

    private final Cache<String, Jwt> verified;
    private final Clock clock;

    public VerifiedTokens(int maxSize, Duration maxAge, Clock clock) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(new UntilExpiry(maxAge, clock))
                .build();
    }

    public static VerifiedTokens withDefaults() {
        return new VerifiedTokens(DEFAULT_SIZE, DEFAULT_MAX_AGE, Clock.systemUTC());
    }

    /** The verified token, or null when it was not seen, was forgotten or has expired. */
    public @Nullable Jwt get(String token) {
        Jwt jwt = verified.getIfPresent(token);
        return jwt != null && !expired(jwt) ? jwt : null;
    }

    /** Remembers a token its decoder has just verified. */
    public void remember(String token, Jwt jwt) {
        if (!expired(jwt)) {
            verified.put(token, jwt);
        }
    }

    /** The decoder, asked only for tokens not verified before. */
    public JwtDecoder caching(JwtDecoder decoder) {
        return token -> {
            Jwt known = get(token);
            if (known != null) {
                return known;
            }
            Jwt jwt = decoder.decode(token);
            remember(token, jwt);
            return jwt;
        };
    }

    private boolean expired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt == null || !clock.instant().isBefore(expiresAt);
    }

    /** Each entry lives until its token's expiry, and no longer than the maximum age. */
    private record UntilExpiry(Duration maxAge, Clock clock) implements Expiry<String, Jwt> {

        @Override
        public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
            Instant expiresAt = jwt.getExpiresAt();
            Duration left = expiresAt == null ? Duration.ZERO : Duration.between(clock.instant(), expiresAt);
            return Math.max(0, Math.min(left.toNanos(), maxAge.toNanos()));
        }

        @Override
        public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
