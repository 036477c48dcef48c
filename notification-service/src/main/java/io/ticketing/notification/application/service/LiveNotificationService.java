package io.ticketing.notification.application.service;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.ticketing.notification.application.port.in.DeliverLiveNotificationUseCase;
import io.ticketing.notification.application.port.in.WatchNotificationsUseCase;
import io.ticketing.notification.application.port.out.NotificationRepository;
import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationId;
import org.springframework.transaction.annotation.Transactional;

/** The watchers connected to this replica, by user. */
public class LiveNotificationService implements WatchNotificationsUseCase, DeliverLiveNotificationUseCase {

    private final NotificationRepository notifications;
    private final ConcurrentHashMap<UUID, Set<NotificationListener>> watchers = new ConcurrentHashMap<>();

    public LiveNotificationService(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Override
    public Subscription watch(UUID userId, NotificationListener listener) {
        watchers.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> watchers.computeIfPresent(userId, (id, listeners) -> {
            listeners.remove(listener);
            return listeners.isEmpty() ? null : listeners;
        });
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
        Set<NotificationListener> listeners = watchers.get(userId);
        if (listeners == null || listeners.isEmpty()) {
            return;
        }
        notifications.findById(notificationId)
                .filter(n -> n.userId().equals(userId))
                .ifPresent(n -> listeners.forEach(listener -> listener.onNotification(n)));
    }
}
