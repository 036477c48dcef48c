package io.ticketing.notification.adapter.out.persistence;

import java.time.Instant;
import java.util.UUID;

import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationId;
import io.ticketing.notification.domain.model.NotificationType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "notification")
class NotificationEntity {

    @Id
    private UUID id;
    @Column(name = "user_id", nullable = false)
    private UUID userId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "text")
    private NotificationType type;
    @Column(nullable = false, columnDefinition = "text")
    private String title;
    @Column(nullable = false, columnDefinition = "text")
    private String body;
    @Column(name = "ticket_id")
    private @Nullable UUID ticketId;
    @Column(name = "source_event_id", nullable = false, columnDefinition = "text")
    private String sourceEventId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "read_at")
    private @Nullable Instant readAt;

    protected NotificationEntity() {
    }

    static NotificationEntity of(Notification n) {
        NotificationEntity e = new NotificationEntity();
        e.id = n.id().value();
        e.userId = n.userId();
        e.type = n.type();
        e.title = n.title();
        e.body = n.body();
        e.ticketId = n.ticketId();
        e.sourceEventId = n.sourceEventId();
        e.createdAt = n.createdAt();
        e.readAt = n.readAt();
        return e;
    }

    Notification toDomain() {
        return new Notification(new NotificationId(id), userId, type, title, body, ticketId, sourceEventId, createdAt,
                readAt);
    }
}
