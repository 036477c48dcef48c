package io.ticketing.user.application.port.out;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.ticketing.user.domain.model.RefreshToken;

public interface RefreshTokenRepository {

    /** Finds by stored hash and locks the row until the transaction ends, so two uses of one token serialize. */
    Optional<RefreshToken> findByHashForUpdate(String tokenHash);

    Optional<RefreshToken> findByHash(String tokenHash);

    /**
     * Makes refreshes and logouts of one session (token family) wait for each other until the transaction ends, so
     * a token minted by a refresh is either revoked by a concurrent logout or refused by it, never missed. Taken
     * before any token row is locked, by everyone, so the two kinds of lock never wait for each other in a cycle.
     */
    void lockSession(UUID familyId);

    void add(RefreshToken token);

    void update(RefreshToken token);

    /** Revokes every not yet revoked token of the family. */
    void revokeFamily(UUID familyId, Instant now);

    /**
     * Deletes up to {@code limit} tokens of families (sessions) whose every token expired before {@code cutoff}.
     * A used token of a family that still has a live token stays, however old: presenting it again must still
     * be detected as reuse. Rows locked by a concurrent refresh or purge are skipped, not waited for.
     *
     * @return how many tokens were deleted
     */
    int deleteSessionsExpiredBefore(Instant cutoff, int limit);
}
