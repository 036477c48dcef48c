package io.ticketing.user.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One refresh token of a login session (its family). Each use rotates it: the used token is marked rotated
 * and a successor in the same family is issued. A rotated token presented again means two parties hold the
 * family, so the service revokes the family.
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

    /** Uses this token; throws {@link RefreshTokenRejected} when it is revoked, expired or already rotated. */
    public Rotation rotate(UUID successorId, RefreshTokenSecret successorSecret, Instant now, Duration ttl) {
        if (revokedAt != null) {
            throw new RefreshTokenRejected(RefreshTokenRejected.Reason.REVOKED);
        }
        if (rotatedAt != null) {
            throw new RefreshTokenRejected(RefreshTokenRejected.Reason.REUSED);
        }
        if (!now.isBefore(expiresAt)) {
            throw new RefreshTokenRejected(RefreshTokenRejected.Reason.EXPIRED);
        }
        RefreshToken used = new RefreshToken(id, userId, familyId, tokenHash, issuedAt, expiresAt, now, null);
        RefreshToken successor = new RefreshToken(successorId, userId, familyId, successorSecret.hash(), now,
                now.plus(ttl), null, null);
        return new Rotation(used, successor);
    }

    public boolean belongsTo(UserId user) {
        return userId.equals(user);
    }
}
