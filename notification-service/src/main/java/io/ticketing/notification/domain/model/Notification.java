package io.ticketing.notification.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A message to one user about one occasion. {@code sourceEventId} is the id of the event that caused it:
 * there is never more than one notification per event.
 */
public record Notification(
        NotificationId id,
        UUID userId,
        NotificationType type,
        String title,
        String body,
        @Nullable UUID ticketId,
        String sourceEventId,
        Instant createdAt,
        @Nullable Instant readAt) {

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static Notification about(Occasion occasion, NotificationId id, String sourceEventId, Instant now) {
        NotificationTexts.Text text = NotificationTexts.of(occasion);
        return new Notification(id, occasion.userId(), typeOf(occasion), text.title(), text.body(),
                occasion.ticketId(), sourceEventId, now, null);
    }

    private static NotificationType typeOf(Occasion occasion) {
        return switch (occasion) {
            case Occasion.UserRegistered ignored -> NotificationType.WELCOME;
            case Occasion.TicketBooked ignored -> NotificationType.TICKET_BOOKED;
            case Occasion.TicketRejected ignored -> NotificationType.TICKET_REJECTED;
            case Occasion.TicketCancelled ignored -> NotificationType.TICKET_CANCELLED;
            case Occasion.TicketExpired ignored -> NotificationType.TICKET_EXPIRED;
        };
    }

    public boolean isRead() {
        return readAt != null;
    }

    /** Reading twice keeps the first time. */
    public Notification markRead(Instant now) {
        return isRead() ? this
                : new Notification(id, userId, type, title, body, ticketId, sourceEventId, createdAt, now);
    }
}
