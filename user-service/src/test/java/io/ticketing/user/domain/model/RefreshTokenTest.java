package io.ticketing.user.domain.model;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RefreshTokenTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Duration TTL = Duration.ofDays(14);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserId user = new UserId(UUID.randomUUID());
    private final RefreshTokenSecret secret = RefreshTokenSecret.generate(RANDOM);
    private final RefreshToken token = RefreshToken.startFamily(UUID.randomUUID(), user, UUID.randomUUID(), secret,
            NOW, TTL);

    @Test
    void secretsAreLongRandomAndStoredOnlyAsTheirHash() {
        RefreshTokenSecret other = RefreshTokenSecret.generate(RANDOM);

        assertThat(secret.value()).hasSize(43).isNotEqualTo(other.value());
        assertThat(token.tokenHash()).isEqualTo(secret.hash()).hasSize(64).doesNotContain(secret.value());
        assertThat(token.expiresAt()).isEqualTo(NOW.plus(TTL));
    }

    @Test
    void rotationMarksTheUsedTokenAndIssuesASuccessorInTheSameFamily() {
        RefreshTokenSecret next = RefreshTokenSecret.generate(RANDOM);
        Instant later = NOW.plusSeconds(60);

        RefreshToken.Rotation rotation = token.rotate(UUID.randomUUID(), next, later, TTL);

        assertThat(rotation.used().rotatedAt()).isEqualTo(later);
        assertThat(rotation.successor().familyId()).isEqualTo(token.familyId());
        assertThat(rotation.successor().userId()).isEqualTo(user);
        assertThat(rotation.successor().tokenHash()).isEqualTo(next.hash());
        assertThat(rotation.successor().expiresAt()).isEqualTo(later.plus(TTL));
        assertThat(rotation.successor().rotatedAt()).isNull();
    }

    @Test
    void reusingARotatedTokenIsDetected() {
        RefreshToken used = token.rotate(UUID.randomUUID(), RefreshTokenSecret.generate(RANDOM), NOW, TTL).used();

        RefreshTokenRejected rejected = catchThrowableOfType(RefreshTokenRejected.class,
                () -> used.rotate(UUID.randomUUID(), RefreshTokenSecret.generate(RANDOM), NOW.plusSeconds(1), TTL));

        assertThat(rejected.reuseDetected()).isTrue();
        assertThat(rejected.kind().status()).isEqualTo(401);
    }

    @Test
    void expiredTokensAreRejectedWithoutRevokingTheFamily() {
        RefreshTokenRejected rejected = catchThrowableOfType(RefreshTokenRejected.class,
                () -> token.rotate(UUID.randomUUID(), RefreshTokenSecret.generate(RANDOM), NOW.plus(TTL), TTL));

        assertThat(rejected.reason()).isEqualTo(RefreshTokenRejected.Reason.EXPIRED);
        assertThat(rejected.reuseDetected()).isFalse();
    }

    @Test
    void revokedTokensAreRejected() {
        RefreshToken revoked = new RefreshToken(token.id(), user, token.familyId(), token.tokenHash(), NOW,
                NOW.plus(TTL), null, NOW);

        RefreshTokenRejected rejected = catchThrowableOfType(RefreshTokenRejected.class,
                () -> revoked.rotate(UUID.randomUUID(), RefreshTokenSecret.generate(RANDOM), NOW, TTL));

        assertThat(rejected.reason()).isEqualTo(RefreshTokenRejected.Reason.REVOKED);
    }

    @Test
    void aSecretNeverPrintsItsValue() {
        assertThat(secret.toString()).doesNotContain(secret.value());
    }
}
