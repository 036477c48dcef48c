package io.ticketing.notification.application.port.in;

import java.util.List;
import java.util.UUID;

import io.ticketing.notification.domain.model.Notification;

/** A user's own notifications. */
public interface GetNotificationsQuery {

    /** Newest first. */
    NotificationPage list(UUID userId, long offset, int limit);

    long countUnread(UUID userId);

    record NotificationPage(List<Notification> items, long totalItems) {
    }
}
