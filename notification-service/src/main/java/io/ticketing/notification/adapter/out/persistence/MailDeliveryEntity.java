package io.ticketing.notification.adapter.out.persistence;

import java.time.Instant;
import java.util.UUID;

import io.ticketing.notification.domain.model.MailDelivery;
import io.ticketing.notification.domain.model.MailStatus;
import io.ticketing.notification.domain.model.NotificationId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "mail_delivery")
class MailDeliveryEntity {

    @Id
    @Column(name = "notification_id")
    private UUID notificationId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "text")
    private MailStatus status;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;
    @Column(name = "last_error", columnDefinition = "text")
    private @Nullable String lastError;
    @Column(name = "sent_at")
    private @Nullable Instant sentAt;

    protected MailDeliveryEntity() {
    }

    static MailDeliveryEntity of(MailDelivery d) {
        MailDeliveryEntity e = new MailDeliveryEntity();
        e.notificationId = d.notificationId().value();
        e.status = d.status();
        e.attempts = d.attempts();
        e.nextAttemptAt = d.nextAttemptAt();
        e.lastError = d.lastError();
        e.sentAt = d.sentAt();
        return e;
    }

    MailDelivery toDomain() {
        return new MailDelivery(new NotificationId(notificationId), status, attempts, nextAttemptAt, lastError, sentAt);
    }
}
