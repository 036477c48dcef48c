package io.ticketing.user.domain.model;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RefreshTokenTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Duration TTL = Duration.ofDays(14);
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final SessionPolicy POLICY = new SessionPolicy(TTL, GRACE);
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

        RefreshToken.Rotation rotation = token.rotate(UUID.randomUUID(), next, later, POLICY);

        assertThat(rotation.used().rotatedAt()).isEqualTo(later);
        assertThat(rotation.successor().familyId()).isEqualTo(token.familyId());
        assertThat(rotation.successor().userId()).isEqualTo(user);
        assertThat(rotation.successor().tokenHash()).isEqualTo(next.hash());
        assertThat(rotation.successor().expiresAt()).isEqualTo(later.plus(TTL));
        assertThat(rotation.successor().rotatedAt()).isNull();
    }

    @Test
    void reusingARotatedTokenOnceTheGraceIsOverIsDetected() {
        RefreshToken used = rotatedAt(NOW);

        RefreshTokenRejected rejected = presentAt(used, NOW.plus(GRACE));

        assertThat(rejected.reason()).isEqualTo(RefreshTokenRejected.Reason.REUSED);
        assertThat(rejected.reuseDetected()).isTrue();
        assertThat(rejected.kind().status()).isEqualTo(401);
        assertThat(presentAt(used, NOW.plus(TTL).plus(TTL)).reuseDetected()).as("even long after expiry").isTrue();
    }

    @Test
    void aRotatedTokenBackWithinTheGraceIsRefusedWithoutRevokingTheFamily() {
        RefreshToken used = rotatedAt(NOW);

        RefreshTokenRejected atOnce = presentAt(used, NOW);
        RefreshTokenRejected justBeforeTheEnd = presentAt(used, NOW.plus(GRACE).minusNanos(1));

        assertThat(atOnce.reason()).isEqualTo(RefreshTokenRejected.Reason.ROTATED_WITHIN_GRACE);
        assertThat(atOnce.reuseDetected()).isFalse();
        assertThat(atOnce.kind().status()).isEqualTo(401);
        assertThat(atOnce.getMessage()).isEqualTo(presentAt(used, NOW.plus(GRACE)).getMessage());
        assertThat(justBeforeTheEnd.reuseDetected()).isFalse();
    }

    @Test
    void withoutAGraceEveryReuseIsDetected() {
        RefreshToken used = rotatedAt(NOW);

        RefreshTokenRejected rejected = catchThrowableOfType(RefreshTokenRejected.class, () -> used.rotate(
                UUID.randomUUID(), RefreshTokenSecret.generate(RANDOM), NOW, new SessionPolicy(TTL, Duration.ZERO)));

        assertThat(rejected.reuseDetected()).isTrue();
    }

    @Test
    void aRevokedTokenIsRefusedAsRevokedEvenWithinTheGrace() {
        RefreshToken used = rotatedAt(NOW);
        RefreshToken revoked = new RefreshToken(used.id(), user, used.familyId(), used.tokenHash(), used.issuedAt(),
                used.expiresAt(), used.rotatedAt(), NOW);

        assertThat(presentAt(revoked, NOW.plusSeconds(1)).reason()).isEqualTo(RefreshTokenRejected.Reason.REVOKED);
    }

    @Test
    void aNegativeGraceIsRefused() {
        assertThatThrownBy(() -> new SessionPolicy(TTL, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expiredTokensAreRejectedWithoutRevokingTheFamily() {
        RefreshTokenRejected rejected = catchThrowableOfType(RefreshTokenRejected.class,
                () -> token.rotate(UUID.randomUUID(), RefreshTokenSecret.generate(RANDOM), NOW.plus(TTL), POLICY));

        assertThat(rejected.reason()).isEqualTo(RefreshTokenRejected.Reason.EXPIRED);
        assertThat(rejected.reuseDetected()).isFalse();
    }

    @Test
    void revokedTokensAreRejected() {
        RefreshToken revoked = new RefreshToken(token.id(), user, token.familyId(), token.tokenHash(), NOW,
                NOW.plus(TTL), null, NOW);

        RefreshTokenRejected rejected = catchThrowableOfType(RefreshTokenRejected.class,
                () -> revoked.rotate(UUID.randomUUID(), RefreshTokenSecret.generate(RANDOM), NOW, POLICY));

        assertThat(rejected.reason()).isEqualTo(RefreshTokenRejected.Reason.REVOKED);
    }

    @Test
    void aSecretNeverPrintsItsValue() {
        assertThat(secret.toString()).doesNotContain(secret.value());
    }

    private RefreshToken rotatedAt(Instant when) {
        return token.rotate(UUID.randomUUID(), RefreshTokenSecret.generate(RANDOM), when, POLICY).used();
    }

    private static RefreshTokenRejected presentAt(RefreshToken used, Instant when) {
        return catchThrowableOfType(RefreshTokenRejected.class,
                () -> used.rotate(UUID.randomUUID(), RefreshTokenSecret.generate(RANDOM), when, POLICY));
    }
}
