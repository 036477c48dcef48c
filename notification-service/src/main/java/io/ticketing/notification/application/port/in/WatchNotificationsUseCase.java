package io.ticketing.notification.application.port.in;

import java.util.List;
import java.util.UUID;

import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationId;
import org.jspecify.annotations.Nullable;

/** Live notifications of one user, for as long as a client watches. */
public interface WatchNotificationsUseCase {

    /**
     * Starts watching the user's notifications: those stored after {@code lastSeen} when it is one of theirs (the
     * Last-Event-ID of a client that resumes), otherwise those stored from now on. From now on, {@code listener} is
     * told whenever there may be new ones to read with {@link Subscription#next}. Throws {@link TooManyOpenStreams}
     * when the user watches with too many subscriptions already.
     */
    Subscription watch(UUID userId, @Nullable NotificationId lastSeen, NotificationListener listener);

    @FunctionalInterface
    interface NotificationListener {
        /** Called on a messaging thread: must not block. Says only "read again", it carries nothing to send. */
        void newNotificationStored();
    }

    interface Subscription extends AutoCloseable {

        /**
         * The next notifications, at most {@code limit}, in the order they were stored (committed): each one once
         * and none skipped, even when the transactions that stored them overlapped or their announcements came in
         * another order. Empty when there is nothing new. For one thread at a time.
         */
        List<Notification> next(int limit);

        @Override
        void close();
    }
}
