package io.ticketing.notification.application.service;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.ticketing.notification.application.port.in.DeliverLiveNotificationUseCase;
import io.ticketing.notification.application.port.in.TooManyOpenStreams;
import io.ticketing.notification.application.port.in.WatchNotificationsUseCase;
import io.ticketing.notification.application.port.out.NotificationRepository;
import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationId;
import org.springframework.transaction.annotation.Transactional;

/**
 * The watchers connected to this replica, by user. A user may hold at most {@code maxStreamsPerUser} of
 * them: each one costs a connection and a thread for as long as it is open. A watch beyond that is refused
 * rather than evicting an older one, which a browser would reopen at once and so evict the next in a loop.
 */
public class LiveNotificationService implements WatchNotificationsUseCase, DeliverLiveNotificationUseCase {

    private final NotificationRepository notifications;
    private final int maxStreamsPerUser;
    private final Duration closedStreamsNoticedWithin;
    private final ConcurrentHashMap<UUID, Set<Watcher>> watchers = new ConcurrentHashMap<>();

    /**
     * @param closedStreamsNoticedWithin how soon a stream its client closed is noticed and its slot freed: a stream
     *                                   learns it is closed only when a write fails, at a heartbeat (through a proxy,
     *                                   the next one after the proxy's own noticed it); told as Retry-After
     */
    public LiveNotificationService(NotificationRepository notifications, int maxStreamsPerUser,
            Duration closedStreamsNoticedWithin) {
        if (maxStreamsPerUser < 1) {
            throw new IllegalArgumentException("maxStreamsPerUser must be at least 1, not " + maxStreamsPerUser);
        }
        this.notifications = notifications;
        this.maxStreamsPerUser = maxStreamsPerUser;
        this.closedStreamsNoticedWithin = closedStreamsNoticedWithin;
    }

    /** Counts and registers under the user's map entry, so parallel watches of one user cannot pass the cap. */
    @Override
    public Subscription watch(UUID userId, NotificationListener listener) {
        Watcher watcher = new Watcher(userId, listener);
        watchers.compute(userId, (id, current) -> {
            Set<Watcher> own = current == null ? ConcurrentHashMap.newKeySet() : current;
            if (own.size() >= maxStreamsPerUser) {
                throw new TooManyOpenStreams(maxStreamsPerUser, closedStreamsNoticedWithin);
            }
            own.add(watcher);
            return own;
        });
        return watcher;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Notification> missedSince(UUID userId, NotificationId lastSeen, int limit) {
        return notifications.findCreatedAfter(userId, lastSeen, limit);
    }

    /**
     * Every replica hears of every notification; only one with a watcher of that user reads it (hence no
     * transaction around the check: most announcements cost no database access at all).
     */
    @Override
    public void deliver(UUID userId, NotificationId notificationId) {
        Set<Watcher> own = watchers.get(userId);
        if (own == null || own.isEmpty()) {
            return;
        }
        notifications.findById(notificationId)
                .filter(n -> n.userId().equals(userId))
                .ifPresent(n -> own.forEach(watcher -> watcher.listener().onNotification(n)));
    }

    /** One watch: its own identity, so a listener watching twice holds two slots and each close frees one. */
    private final class Watcher implements Subscription {

        private final UUID userId;
        private final NotificationListener listener;

        Watcher(UUID userId, NotificationListener listener) {
            this.userId = userId;
            this.listener = listener;
        }

        NotificationListener listener() {
            return listener;
        }

        @Override
        public void close() {
            watchers.computeIfPresent(userId, (id, own) -> {
                own.remove(this);
                return own.isEmpty() ? null : own;
            });
        }
    }
}
