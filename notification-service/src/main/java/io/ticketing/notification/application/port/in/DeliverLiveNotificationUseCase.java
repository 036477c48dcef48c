package io.ticketing.notification.application.port.in;

import java.util.UUID;

/** Tells the local watchers of a user that a notification of theirs was stored (by whichever replica). */
public interface DeliverLiveNotificationUseCase {

    void deliver(UUID userId);
}
