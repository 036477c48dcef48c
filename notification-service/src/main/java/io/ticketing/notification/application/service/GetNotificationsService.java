package io.ticketing.notification.application.service;

import java.util.UUID;

import io.ticketing.notification.application.port.in.GetNotificationsQuery;
import io.ticketing.notification.application.port.out.NotificationRepository;
import org.springframework.transaction.annotation.Transactional;

public class GetNotificationsService implements GetNotificationsQuery {

    private final NotificationRepository notifications;

    public GetNotificationsService(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Override
    @Transactional(readOnly = true)
    public NotificationPage list(UUID userId, long offset, int limit) {
        return notifications.findPage(userId, offset, limit);
    }

    @Override
    @Transactional(readOnly = true)
    public long countUnread(UUID userId) {
        return notifications.countUnread(userId);
    }
}
