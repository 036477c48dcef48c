package io.ticketing.notification.application.port.in;

import java.util.Objects;
import java.util.UUID;

import io.ticketing.notification.domain.model.NotificationId;

public record MarkNotificationReadCommand(NotificationId notificationId, UUID userId) {

    public MarkNotificationReadCommand {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(userId, "userId");
    }
}
