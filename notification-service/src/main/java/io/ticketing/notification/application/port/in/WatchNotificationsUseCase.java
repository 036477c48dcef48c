package io.ticketing.notification.application.port.in;

import java.util.List;
import java.util.UUID;

import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationId;

/** Live notifications of one user, for as long as a client watches. */
public interface WatchNotificationsUseCase {

    /** From now on, every new notification of {@code userId} goes to {@code listener} until the subscription closes. */
    Subscription watch(UUID userId, NotificationListener listener);

    /** The user's notifications stored after {@code lastSeen}, oldest first; empty when the id is not theirs. */
    List<Notification> missedSince(UUID userId, NotificationId lastSeen, int limit);

    @FunctionalInterface
    interface NotificationListener {
        /** Called on a messaging thread: must not block. */
        void onNotification(Notification notification);
    }

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
