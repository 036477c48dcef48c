package io.ticketing.user.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.ticketing.platform.jdbc.JdbcValues;
import io.ticketing.platform.jdbc.TransactionLocks;
import io.ticketing.user.application.port.out.RefreshTokenRepository;
import io.ticketing.user.domain.model.RefreshToken;
import io.ticketing.user.domain.model.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class RefreshTokenPersistenceAdapter implements RefreshTokenRepository {

    private static final String SELECT = """
            SELECT id, user_id, family_id, token_hash, issued_at, expires_at, rotated_at, revoked_at
            FROM refresh_token WHERE token_hash = :hash""";
    private static final String UPDATE = """
            UPDATE refresh_token SET user_id = :user, family_id = :family, token_hash = :hash, issued_at = :issued,
                expires_at = :expires, rotated_at = :rotated, revoked_at = :revoked
            WHERE id = :id""";

    private final JdbcClient jdbc;

    RefreshTokenPersistenceAdapter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * NO KEY UPDATE, as JPA's PESSIMISTIC_WRITE took on PostgreSQL: it serializes two uses of one token, and the
     * purge's FOR UPDATE ... SKIP LOCKED passes the row by instead of waiting.
     */
    @Override
    public Optional<RefreshToken> findByHashForUpdate(String tokenHash) {
        return find(SELECT + " FOR NO KEY UPDATE", tokenHash);
    }

    @Override
    public Optional<RefreshToken> findByHash(String tokenHash) {
        return find(SELECT, tokenHash);
    }

    @Override
    public void lockSession(UUID familyId) {
        TransactionLocks.lock(jdbc, "refresh-session:" + familyId);
    }

    private Optional<RefreshToken> find(String sql, String tokenHash) {
        return jdbc.sql(sql)
                .param("hash", tokenHash)
                .query((rs, n) -> token(rs))
                .optional();
    }

    @Override
    public void add(RefreshToken token) {
        bind(jdbc.sql("""
                        INSERT INTO refresh_token
                            (id, user_id, family_id, token_hash, issued_at, expires_at, rotated_at, revoked_at)
                        VALUES (:id, :user, :family, :hash, :issued, :expires, :rotated, :revoked)"""), token)
                .update();
    }

    /** Writes every column, as JPA's merge did; the token must exist (merge would have inserted it). */
    @Override
    public void update(RefreshToken token) {
        Sql.expectOneRow(UPDATE, bind(jdbc.sql(UPDATE), token).update());
    }

    @Override
    public void revokeFamily(UUID familyId, Instant now) {
        jdbc.sql("UPDATE refresh_token SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL")
                .param("now", JdbcValues.timestamptz(now))
                .param("family", familyId)
                .update();
    }

    /**
     * One bounded batch (the caller's transaction holds only these row locks); SKIP LOCKED lets every replica
     * purge at once and never waits for a refresh in progress. No token can join a family whose tokens have
     * all expired (only a live token rotates), so the NOT EXISTS cannot be overtaken by a new successor.
     */
    @Override
    public int deleteSessionsExpiredBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        DELETE FROM refresh_token WHERE id IN (
                            SELECT t.id FROM refresh_token t
                            WHERE t.expires_at < :cutoff
                              AND NOT EXISTS (SELECT 1 FROM refresh_token live
                                              WHERE live.family_id = t.family_id AND live.expires_at >= :cutoff)
                            LIMIT :limit
                            FOR UPDATE OF t SKIP LOCKED)""")
                .param("cutoff", JdbcValues.timestamptz(cutoff))
                .param("limit", limit)
                .update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, RefreshToken token) {
        return statement
                .param("id", token.id())
                .param("user", token.userId().value())
                .param("family", token.familyId())
                .param("hash", token.tokenHash())
                .param("issued", JdbcValues.timestamptz(token.issuedAt()))
                .param("expires", JdbcValues.timestamptz(token.expiresAt()))
                .param("rotated", JdbcValues.timestamptz(token.rotatedAt()))
                .param("revoked", JdbcValues.timestamptz(token.revokedAt()));
    }

    private static RefreshToken token(ResultSet rs) throws SQLException {
        return new RefreshToken(rs.getObject("id", UUID.class), new UserId(rs.getObject("user_id", UUID.class)),
                rs.getObject("family_id", UUID.class), rs.getString("token_hash"),
                JdbcValues.requiredInstant(rs, "issued_at"), JdbcValues.requiredInstant(rs, "expires_at"),
                JdbcValues.instant(rs, "rotated_at"), JdbcValues.instant(rs, "revoked_at"));
    }
}
