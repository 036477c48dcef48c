package io.ticketing.notification.application.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;

import io.ticketing.notification.application.port.in.RecordNotificationCommand;
import io.ticketing.notification.application.port.in.RecordNotificationUseCase;
import io.ticketing.notification.application.port.out.LiveNotificationPublisher;
import io.ticketing.notification.application.port.out.MailDeliveryRepository;
import io.ticketing.notification.application.port.out.NotificationRepository;
import io.ticketing.notification.domain.model.MailDelivery;
import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

public class RecordNotificationService implements RecordNotificationUseCase {

    private static final Logger log = LoggerFactory.getLogger(RecordNotificationService.class);

    private final NotificationRepository notifications;
    private final MailDeliveryRepository mails;
    private final LiveNotificationPublisher live;
    private final Supplier<UUID> ids;
    private final Clock clock;

    public RecordNotificationService(NotificationRepository notifications, MailDeliveryRepository mails,
            LiveNotificationPublisher live, Supplier<UUID> ids, Clock clock) {
        this.notifications = notifications;
        this.mails = mails;
        this.live = live;
        this.ids = ids;
        this.clock = clock;
    }

    /** Joins the inbox transaction of the consumer, so notification, mail row and inbox record commit together. */
    @Override
    @Transactional
    public void record(RecordNotificationCommand command) {
        // The inbox already filters redeliveries; this (and the unique constraint behind it) also covers
        // the same event reaching us through another consumer or a replayed stream.
        if (notifications.existsForSourceEvent(command.sourceEventId())) {
            log.info("Notification for event {} exists already", command.sourceEventId());
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Notification notification = Notification.about(command.occasion(), new NotificationId(ids.get()),
                command.sourceEventId(), now);
        notifications.add(notification);
        mails.add(MailDelivery.pending(notification.id(), now));
        live.publishAfterCommit(notification.userId(), notification.id());
        log.info("Notification {} ({}) for user {} from event {}", notification.id(), notification.type(),
                notification.userId(), command.sourceEventId());
    }
}
