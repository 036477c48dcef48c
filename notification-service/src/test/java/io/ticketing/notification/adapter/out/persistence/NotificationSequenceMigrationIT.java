package io.ticketing.notification.adapter.out.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.ticketing.platform.test.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V2 on a database that has notifications already: they are numbered in the order the stream resumed in until
 * then, (created_at, id) per user, and new ones go on from there.
 */
class NotificationSequenceMigrationIT {

    private static final UUID ADA = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();

    @Test
    void existingNotificationsAreNumberedPerUserByCreatedAtThenIdAndNewOnesGoOnFromThere() {
        TestPostgres.Database db = TestPostgres.freshDatabase("notification_migration");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        JdbcClient jdbc = JdbcClient.create(dataSource);
        migrate(dataSource, "1");
        UUID adaLast = insert(jdbc, ADA, "00000000-0000-7000-8000-000000000001", "2026-03-01T12:00:00Z");
        UUID adaFirst = insert(jdbc, ADA, "00000000-0000-7000-8000-000000000009", "2026-03-01T10:00:00Z");
        UUID adaTiedLow = insert(jdbc, ADA, "00000000-0000-7000-8000-000000000002", "2026-03-01T11:00:00Z");
        UUID adaTiedHigh = insert(jdbc, ADA, "00000000-0000-7000-8000-000000000003", "2026-03-01T11:00:00Z");
        UUID bobs = insert(jdbc, BOB, "00000000-0000-7000-8000-000000000004", "2026-03-01T09:00:00Z");

        migrate(dataSource, "latest");

        assertThat(idsInSeqOrder(jdbc, ADA)).containsExactly(adaFirst, adaTiedLow, adaTiedHigh, adaLast);
        assertThat(seqs(jdbc, ADA)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(idsInSeqOrder(jdbc, BOB)).containsExactly(bobs);
        assertThat(seqs(jdbc, BOB)).containsExactly(1L);

        UUID adaNew = insert(jdbc, ADA, UUID.randomUUID().toString(), "2026-03-01T08:00:00Z");
        UUID newUsers = insert(jdbc, UUID.randomUUID(), UUID.randomUUID().toString(), "2026-03-01T08:00:00Z");
        assertThat(seq(jdbc, adaNew)).isEqualTo(5);
        assertThat(seq(jdbc, newUsers)).isEqualTo(1);
    }

    private static void migrate(DriverManagerDataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/platform")
                .target(target).load().migrate();
    }

    private static UUID insert(JdbcClient jdbc, UUID userId, String id, String createdAt) {
        UUID notificationId = UUID.fromString(id);
        jdbc.sql("""
                        INSERT INTO notification (id, user_id, type, title, body, source_event_id, created_at)
                        VALUES (?, ?, 'TICKET_EXPIRED', 'Expired', 'Book again', ?, ?)""")
                .params(notificationId, userId, UUID.randomUUID().toString(),
                        Timestamp.from(Instant.parse(createdAt)))
                .update();
        return notificationId;
    }

    private static List<UUID> idsInSeqOrder(JdbcClient jdbc, UUID userId) {
        return jdbc.sql("SELECT id FROM notification WHERE user_id = ? ORDER BY seq").param(userId)
                .query(UUID.class).list();
    }

    private static List<Long> seqs(JdbcClient jdbc, UUID userId) {
        return jdbc.sql("SELECT seq FROM notification WHERE user_id = ? ORDER BY seq").param(userId)
                .query(Long.class).list();
    }

    private static long seq(JdbcClient jdbc, UUID id) {
        return jdbc.sql("SELECT seq FROM notification WHERE id = ?").param(id).query(Long.class).single();
    }
}
