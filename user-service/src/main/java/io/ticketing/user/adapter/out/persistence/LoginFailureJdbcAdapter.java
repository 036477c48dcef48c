package io.ticketing.user.adapter.out.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import io.ticketing.platform.jdbc.TransactionLocks;
import io.ticketing.user.application.port.out.LoginFailureLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An append-only log queried by time window: plain SQL says it more directly than an entity would. */
@Component
class LoginFailureJdbcAdapter implements LoginFailureLog {

    private final JdbcClient jdbc;

    LoginFailureJdbcAdapter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lock(String normalizedEmail) {
        TransactionLocks.lock(jdbc, hash(normalizedEmail));
    }

    @Override
    public List<Instant> failuresSince(String normalizedEmail, Instant since) {
        return jdbc.sql("""
                        SELECT failed_at FROM login_failure
                        WHERE email_hash = :email AND failed_at >= :since
                        ORDER BY failed_at""")
                .param("email", hash(normalizedEmail))
                .param("since", Timestamp.from(since))
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .list();
    }

    @Override
    public void record(String normalizedEmail, Instant at, Instant forgetBefore) {
        jdbc.sql("INSERT INTO login_failure (email_hash, failed_at) VALUES (:email, :at)")
                .param("email", hash(normalizedEmail))
                .param("at", Timestamp.from(at))
                .update();
        jdbc.sql("DELETE FROM login_failure WHERE failed_at < :before")
                .param("before", Timestamp.from(forgetBefore))
                .update();
    }

    @Override
    public void clear(String normalizedEmail) {
        jdbc.sql("DELETE FROM login_failure WHERE email_hash = :email")
                .param("email", hash(normalizedEmail))
                .update();
    }

    private static String hash(String email) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
