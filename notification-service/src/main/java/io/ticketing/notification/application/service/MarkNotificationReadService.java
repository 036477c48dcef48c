package io.ticketing.notification.application.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import io.ticketing.notification.application.port.in.MarkNotificationReadCommand;
import io.ticketing.notification.application.port.in.MarkNotificationReadUseCase;
import io.ticketing.notification.application.port.out.NotificationRepository;
import io.ticketing.notification.domain.model.Notification;
import io.ticketing.platform.error.DomainProblem;
import org.springframework.transaction.annotation.Transactional;

public class MarkNotificationReadService implements MarkNotificationReadUseCase {

    private final NotificationRepository notifications;
    private final Clock clock;

    public MarkNotificationReadService(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void markRead(MarkNotificationReadCommand command) {
        // someone else's notification is reported exactly like a missing one: ids of others stay secret
        Notification notification = notifications.findOwned(command.notificationId(), command.userId())
                .orElseThrow(() -> DomainProblem.notFound("No notification " + command.notificationId()));
        if (!notification.isRead()) {
            notifications.save(notification.markRead(clock.instant().truncatedTo(ChronoUnit.MICROS)));
        }
    }
}
