package io.ticketing.user.adapter.out.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RefreshTokenJpaRepository extends JpaRepository<RefreshTokenEntity, UUID> {

    Optional<RefreshTokenEntity> findByTokenHash(String tokenHash);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from RefreshTokenEntity t where t.tokenHash = :hash")
    Optional<RefreshTokenEntity> lockByTokenHash(@Param("hash") String tokenHash);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update RefreshTokenEntity t set t.revokedAt = :now where t.familyId = :family and t.revokedAt is null")
    int revokeFamily(@Param("family") UUID familyId, @Param("now") Instant now);

    /**
     * One bounded batch (the caller's transaction holds only these row locks); SKIP LOCKED lets every replica
     * purge at once and never waits for a refresh in progress. No token can join a family whose tokens have
     * all expired (only a live token rotates), so the NOT EXISTS cannot be overtaken by a new successor.
     */
    @Modifying
    @Query(value = """
            DELETE FROM refresh_token WHERE id IN (
                SELECT t.id FROM refresh_token t
                WHERE t.expires_at < :cutoff
                  AND NOT EXISTS (SELECT 1 FROM refresh_token live
                                  WHERE live.family_id = t.family_id AND live.expires_at >= :cutoff)
                LIMIT :limit
                FOR UPDATE OF t SKIP LOCKED)""", nativeQuery = true)
    int deleteSessionsExpiredBefore(@Param("cutoff") Instant cutoff, @Param("limit") int limit);
}
