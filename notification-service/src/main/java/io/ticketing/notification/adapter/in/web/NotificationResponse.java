package io.ticketing.notification.adapter.in.web;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationType;
import org.jspecify.annotations.Nullable;

/** A notification as the API and the live stream show it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record NotificationResponse(UUID id, NotificationType type, String title, String body, @Nullable UUID ticketId,
        Instant createdAt, boolean read) {

    static NotificationResponse of(Notification n) {
        return new NotificationResponse(n.id().value(), n.type(), n.title(), n.body(), n.ticketId(), n.createdAt(),
                n.isRead());
    }
}
