package io.ticketing.notification.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.ticketing.notification.application.port.out.MailDeliveryRepository;
import io.ticketing.notification.domain.model.MailDelivery;
import io.ticketing.notification.domain.model.MailStatus;
import io.ticketing.notification.domain.model.NotificationId;
import io.ticketing.platform.jdbc.JdbcValues;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class MailDeliveryPersistenceAdapter implements MailDeliveryRepository {

    private static final String INSERT = """
            INSERT INTO mail_delivery (notification_id, status, attempts, next_attempt_at, last_error, sent_at)
            VALUES (:id, :status, :attempts, :next, :error, :sent)
            """;

    private static final String UPSERT = INSERT + """
            ON CONFLICT (notification_id) DO UPDATE SET status = EXCLUDED.status, attempts = EXCLUDED.attempts,
                next_attempt_at = EXCLUDED.next_attempt_at, last_error = EXCLUDED.last_error,
                sent_at = EXCLUDED.sent_at""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    MailDeliveryPersistenceAdapter(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Override
    public void add(MailDelivery delivery) {
        jdbc.sql(INSERT).paramSource(parameters(delivery)).update();
    }

    /**
     * Insert or update, as JPA's merge did: afterwards each row is exactly its delivery. One JDBC batch, so a
     * sender's whole round of outcomes costs one round trip.
     */
    @Override
    public void saveAll(List<MailDelivery> deliveries) {
        batch.batchUpdate(UPSERT, deliveries.stream()
                .map(MailDeliveryPersistenceAdapter::parameters)
                .toArray(SqlParameterSource[]::new));
    }

    private static SqlParameterSource parameters(MailDelivery d) {
        return new MapSqlParameterSource()
                .addValue("id", d.notificationId().value())
                .addValue("status", d.status().name())
                .addValue("attempts", d.attempts())
                .addValue("next", JdbcValues.timestamptz(d.nextAttemptAt()))
                .addValue("error", d.lastError())
                .addValue("sent", JdbcValues.timestamptz(d.sentAt()));
    }

    /** SKIP LOCKED: concurrent senders (threads and replicas) each get different rows, or none, without waiting. */
    @Override
    public List<MailDelivery> claimDue(Instant now, int max) {
        return jdbc.sql("""
                        SELECT notification_id, status, attempts, next_attempt_at, last_error, sent_at
                        FROM mail_delivery
                        WHERE status = 'PENDING' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at
                        LIMIT :max
                        FOR UPDATE SKIP LOCKED""")
                .param("now", JdbcValues.timestamptz(now))
                .param("max", max)
                .query(MailDeliveryPersistenceAdapter::delivery)
                .list();
    }

    private static MailDelivery delivery(ResultSet rs, int row) throws SQLException {
        return new MailDelivery(new NotificationId(rs.getObject("notification_id", UUID.class)),
                MailStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                JdbcValues.requiredInstant(rs, "next_attempt_at"), rs.getString("last_error"),
                JdbcValues.instant(rs, "sent_at"));
    }
}
