package io.ticketing.notification.application.port.in;

import java.util.UUID;

import io.ticketing.notification.domain.model.NotificationId;

/** Hands a freshly stored notification (announced by whichever replica stored it) to local watchers. */
public interface DeliverLiveNotificationUseCase {

    void deliver(UUID userId, NotificationId notificationId);
}
