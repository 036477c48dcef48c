package io.ticketing.user.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One refresh token of a login session (its family). Each use rotates it: the used token is marked rotated
 * and a successor in the same family is issued. A rotated token presented again means two parties hold the
 * family, so the service revokes the family, unless it comes back within the policy's reuse grace
 * ({@link SessionPolicy#forgivesReuse}): then it is only refused.
 */
public record RefreshToken(
        UUID id,
        UserId userId,
        UUID familyId,
        String tokenHash,
        Instant issuedAt,
        Instant expiresAt,
        @Nullable Instant rotatedAt,
        @Nullable Instant revokedAt) {

    /** The first token of a new session. */
    public static RefreshToken startFamily(UUID id, UserId userId, UUID familyId, RefreshTokenSecret secret,
            Instant now, Duration ttl) {
        return new RefreshToken(id, userId, familyId, secret.hash(), now, now.plus(ttl), null, null);
    }

    /** The used token (now rotated) and its successor. */
    public record Rotation(RefreshToken used, RefreshToken successor) {
    }

    /**
     * Uses this token; throws {@link RefreshTokenRejected} when it is revoked, already rotated (within the
     * policy's reuse grace or after it: only the latter is a reuse) or expired.
     */
    public Rotation rotate(UUID successorId, RefreshTokenSecret successorSecret, Instant now, SessionPolicy policy) {
        if (revokedAt != null) {
            throw new RefreshTokenRejected(RefreshTokenRejected.Reason.REVOKED);
        }
        if (rotatedAt != null) {
            throw new RefreshTokenRejected(policy.forgivesReuse(rotatedAt, now)
                    ? RefreshTokenRejected.Reason.ROTATED_WITHIN_GRACE
                    : RefreshTokenRejected.Reason.REUSED);
        }
        if (!now.isBefore(expiresAt)) {
            throw new RefreshTokenRejected(RefreshTokenRejected.Reason.EXPIRED);
        }
        RefreshToken used = new RefreshToken(id, userId, familyId, tokenHash, issuedAt, expiresAt, now, null);
        RefreshToken successor = new RefreshToken(successorId, userId, familyId, successorSecret.hash(), now,
                now.plus(policy.refreshTokenLifetime()), null, null);
        return new Rotation(used, successor);
    }

    public boolean belongsTo(UserId user) {
        return userId.equals(user);
    }
}
