package io.ticketing.notification.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.ticketing.notification.application.port.in.GetNotificationsQuery.NotificationPage;
import io.ticketing.notification.application.port.out.NotificationRepository;
import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationId;
import io.ticketing.notification.domain.model.NotificationType;
import io.ticketing.platform.jdbc.JdbcValues;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.JdbcUpdateAffectedIncorrectNumberOfRowsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;

@Component
class NotificationPersistenceAdapter implements NotificationRepository {

    private static final String SELECT = """
            SELECT id, user_id, type, title, body, ticket_id, source_event_id, created_at, read_at
            FROM notification
            """;

    private static final String INSERT = """
            INSERT INTO notification (id, user_id, type, title, body, ticket_id, source_event_id, created_at, read_at)
            VALUES (:id, :user, :type, :title, :body, :ticket, :event, :created, :read)
            """;

    private final JdbcClient jdbc;

    NotificationPersistenceAdapter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean existsForSourceEvent(String sourceEventId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM notification WHERE source_event_id = :event)")
                .param("event", sourceEventId)
                .query(Boolean.class)
                .single();
    }

    /**
     * A second notification for the same event fails on notification_source_event_uq (DuplicateKeyException).
     * The row's {@code seq}, its user's next number, is taken by the insert itself (V2's trigger), and kept only when
     * this transaction commits: a failed or rolled-back insert leaves the number to the next one.
     */
    @Override
    public void add(Notification notification) {
        bind(jdbc.sql(INSERT), notification).update();
    }

    /**
     * Writes the read state, the only thing about a notification that changes. Not an upsert: the insert would take
     * a number of the user's sequence (V2's trigger runs before the conflict is found), and lock it until commit.
     */
    @Override
    public void save(Notification notification) {
        int updated = jdbc.sql("UPDATE notification SET read_at = :read WHERE id = :id")
                .param("id", notification.id().value())
                .param("read", JdbcValues.timestamptz(notification.readAt()))
                .update();
        if (updated != 1) {
            throw new JdbcUpdateAffectedIncorrectNumberOfRowsException("UPDATE notification", 1, updated);
        }
    }

    private static StatementSpec bind(StatementSpec statement, Notification n) {
        return statement
                .param("id", n.id().value())
                .param("user", n.userId())
                .param("type", n.type().name())
                .param("title", n.title())
                .param("body", n.body())
                .param("ticket", n.ticketId())
                .param("event", n.sourceEventId())
                .param("created", JdbcValues.timestamptz(n.createdAt()))
                .param("read", JdbcValues.timestamptz(n.readAt()));
    }

    @Override
    public List<Notification> findAllById(Collection<NotificationId> ids) {
        return jdbc.sql(SELECT + "WHERE id = ANY(:ids)")
                .param("ids", ids.stream().map(NotificationId::value).toArray(UUID[]::new))
                .query(NotificationPersistenceAdapter::notification)
                .list();
    }

    @Override
    public Optional<Notification> findOwned(NotificationId id, UUID userId) {
        return jdbc.sql(SELECT + "WHERE id = :id AND user_id = :user")
                .param("id", id.value())
                .param("user", userId)
                .query(NotificationPersistenceAdapter::notification)
                .optional();
    }

    /**
     * Newest first: the last stored first, as the live stream sees them (created_at may disagree by the few
     * microseconds in which transactions of the user overlapped). A page is never missing one committed after it
     * was read: that one comes before it.
     */
    @Override
    public NotificationPage findPage(UUID userId, long offset, int limit) {
        List<Notification> items = jdbc.sql(SELECT + """
                        WHERE user_id = :user
                        ORDER BY seq DESC
                        OFFSET :offset LIMIT :limit""")
                .param("user", userId)
                .param("offset", offset)
                .param("limit", limit)
                .query(NotificationPersistenceAdapter::notification)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
        return new NotificationPage(items, total);
    }

    @Override
    public long countUnread(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :user AND read_at IS NULL")
                .param("user", userId)
                .query(Long.class)
                .single();
    }

    @Override
    public Optional<NotificationId> findLastStoredId(UUID userId) {
        return jdbc.sql("SELECT id FROM notification WHERE user_id = :user ORDER BY seq DESC LIMIT 1")
                .param("user", userId)
                .query((rs, row) -> new NotificationId(rs.getObject("id", UUID.class)))
                .optional();
    }

    /** The join finds nothing, so neither does the query, when {@code after} is unknown or someone else's. */
    @Override
    public List<Notification> findStoredAfter(UUID userId, @Nullable NotificationId after, int limit) {
        StatementSpec query = after == null
                ? jdbc.sql(SELECT + """
                        WHERE user_id = :user
                        ORDER BY seq
                        LIMIT :limit""")
                : jdbc.sql("""
                        SELECT n.id, n.user_id, n.type, n.title, n.body, n.ticket_id, n.source_event_id,
                               n.created_at, n.read_at
                        FROM notification n
                        JOIN notification seen ON seen.id = :after AND seen.user_id = :user
                        WHERE n.user_id = :user AND n.seq > seen.seq
                        ORDER BY n.seq
                        LIMIT :limit""").param("after", after.value());
        return query.param("user", userId)
                .param("limit", limit)
                .query(NotificationPersistenceAdapter::notification)
                .list();
    }

    private static Notification notification(ResultSet rs, int row) throws SQLException {
        return new Notification(new NotificationId(rs.getObject("id", UUID.class)), rs.getObject("user_id", UUID.class),
                NotificationType.valueOf(rs.getString("type")), rs.getString("title"), rs.getString("body"),
                rs.getObject("ticket_id", UUID.class), rs.getString("source_event_id"),
                JdbcValues.requiredInstant(rs, "created_at"), JdbcValues.instant(rs, "read_at"));
    }
}
