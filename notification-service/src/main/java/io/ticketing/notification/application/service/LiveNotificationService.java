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
import org.jspecify.annotations.Nullable;
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

    /**
     * Counts and registers under the user's map entry, so parallel watches of one user cannot pass the cap; then
     * finds where to start. Registered first, so that whatever is stored after the start is announced to it.
     */
    @Override
    @Transactional(readOnly = true)
    public Subscription watch(UUID userId, @Nullable NotificationId lastSeen, NotificationListener listener) {
        Watcher watcher = new Watcher(userId, listener);
        watchers.compute(userId, (id, current) -> {
            Set<Watcher> own = current == null ? ConcurrentHashMap.newKeySet() : current;
            if (own.size() >= maxStreamsPerUser) {
                throw new TooManyOpenStreams(maxStreamsPerUser, closedStreamsNoticedWithin);
            }
            own.add(watcher);
            return own;
        });
        try {
            watcher.after = lastSeen != null && notifications.findOwned(lastSeen, userId).isPresent()
                    ? lastSeen
                    : notifications.findLastStoredId(userId).orElse(null);
        } catch (RuntimeException e) {
            watcher.close();
            throw e;
        }
        return watcher;
    }

    /**
     * Every replica hears of every notification; those with a watcher of that user wake it, and each watcher reads
     * what is new itself, after the last one it handed out: announcements of overlapping transactions may come in
     * any order (or not at all), the order of storage is only in the database.
     */
    @Override
    public void deliver(UUID userId) {
        Set<Watcher> own = watchers.get(userId);
        if (own != null) {
            own.forEach(watcher -> watcher.listener.newNotificationStored());
        }
    }

    /** One watch: its own identity, so a listener watching twice holds two slots and each close frees one. */
    private final class Watcher implements Subscription {

        private final UUID userId;
        private final NotificationListener listener;
        /** The last notification handed out, or where the watch started; null: before the user's first. */
        private volatile @Nullable NotificationId after;

        Watcher(UUID userId, NotificationListener listener) {
            this.userId = userId;
            this.listener = listener;
        }

        @Override
        public List<Notification> next(int limit) {
            List<Notification> page = notifications.findStoredAfter(userId, after, limit);
            if (!page.isEmpty()) {
                after = page.getLast().id();
            }
            return page;
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
