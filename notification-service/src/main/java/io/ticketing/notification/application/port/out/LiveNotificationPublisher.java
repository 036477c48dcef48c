package io.ticketing.notification.application.port.out;

import java.util.UUID;

import io.ticketing.notification.domain.model.NotificationId;

/** Tells every replica, once the current transaction commits, that a user has a new notification. */
public interface LiveNotificationPublisher {

    void publishAfterCommit(UUID userId, NotificationId notificationId);
}
