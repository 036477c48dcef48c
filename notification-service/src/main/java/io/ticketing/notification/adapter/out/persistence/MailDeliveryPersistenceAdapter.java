package io.ticketing.notification.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.ticketing.notification.application.port.out.MailDeliveryRepository;
import io.ticketing.notification.domain.model.MailDelivery;
import io.ticketing.notification.domain.model.MailStatus;
import io.ticketing.notification.domain.model.NotificationId;
import io.ticketing.platform.jdbc.JdbcValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;

@Component
class MailDeliveryPersistenceAdapter implements MailDeliveryRepository {

    private static final String INSERT = """
            INSERT INTO mail_delivery (notification_id, status, attempts, next_attempt_at, last_error, sent_at)
            VALUES (:id, :status, :attempts, :next, :error, :sent)
            """;

    private final JdbcClient jdbc;

    MailDeliveryPersistenceAdapter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(MailDelivery delivery) {
        bind(jdbc.sql(INSERT), delivery).update();
    }

    /** Insert or update, as JPA's merge did: afterwards the row is exactly this delivery. */
    @Override
    public void save(MailDelivery delivery) {
        bind(jdbc.sql(INSERT + """
                        ON CONFLICT (notification_id) DO UPDATE SET status = EXCLUDED.status,
                            attempts = EXCLUDED.attempts, next_attempt_at = EXCLUDED.next_attempt_at,
                            last_error = EXCLUDED.last_error, sent_at = EXCLUDED.sent_at"""), delivery)
                .update();
    }

    private static StatementSpec bind(StatementSpec statement, MailDelivery d) {
        return statement
                .param("id", d.notificationId().value())
                .param("status", d.status().name())
                .param("attempts", d.attempts())
                .param("next", JdbcValues.timestamptz(d.nextAttemptAt()))
                .param("error", d.lastError())
                .param("sent", JdbcValues.timestamptz(d.sentAt()));
    }

    /** SKIP LOCKED: concurrent senders (threads and replicas) each get a different row, or none, without waiting. */
    @Override
    public Optional<MailDelivery> claimNextDue(Instant now) {
        return jdbc.sql("""
                        SELECT notification_id, status, attempts, next_attempt_at, last_error, sent_at
                        FROM mail_delivery
                        WHERE status = 'PENDING' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED""")
                .param("now", JdbcValues.timestamptz(now))
                .query(MailDeliveryPersistenceAdapter::delivery)
                .optional();
    }

    private static MailDelivery delivery(ResultSet rs, int row) throws SQLException {
        return new MailDelivery(new NotificationId(rs.getObject("notification_id", UUID.class)),
                MailStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                JdbcValues.requiredInstant(rs, "next_attempt_at"), rs.getString("last_error"),
                JdbcValues.instant(rs, "sent_at"));
    }
}
