package io.ticketing.notification.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.ticketing.notification.application.port.in.SendDueMailsUseCase;
import io.ticketing.notification.application.port.out.MailDeliveryRepository;
import io.ticketing.notification.application.port.out.NotificationMailer;
import io.ticketing.notification.application.port.out.NotificationRepository;
import io.ticketing.notification.application.port.out.RecipientRepository;
import io.ticketing.notification.domain.model.MailDelivery;
import io.ticketing.notification.domain.model.MailStatus;
import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.Recipient;
import io.ticketing.notification.domain.model.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

public class SendDueMailsService implements SendDueMailsUseCase {

    private static final Logger log = LoggerFactory.getLogger(SendDueMailsService.class);

    private final MailDeliveryRepository deliveries;
    private final NotificationRepository notifications;
    private final RecipientRepository recipients;
    private final NotificationMailer mailer;
    private final RetryPolicy retryPolicy;
    private final Clock clock;

    public SendDueMailsService(MailDeliveryRepository deliveries, NotificationRepository notifications,
            RecipientRepository recipients, NotificationMailer mailer, RetryPolicy retryPolicy, Clock clock) {
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.recipients = recipients;
        this.mailer = mailer;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
    }

    /**
     * The row stays locked while the mail is sent, so no other replica sends it too; the outcome commits with
     * the lock's release. A crash between the server's acceptance and the commit sends it once more
     * (at least once: better than losing it).
     */
    @Override
    @Transactional
    public boolean sendNextDueMail() {
        Optional<MailDelivery> claimed = deliveries.claimNextDue(clock.instant());
        if (claimed.isEmpty()) {
            return false;
        }
        MailDelivery delivery = claimed.get();
        Notification notification = notifications.findById(delivery.notificationId())
                .orElseThrow(() -> new IllegalStateException("Mail without notification " + delivery.notificationId()));
        Optional<Recipient> recipient = recipients.find(notification.userId());
        if (recipient.isEmpty()) {
            // UserRegistered may still be on its way (another stream): retry with backoff for a while
            record(delivery.failed("E-mail address of user " + notification.userId() + " is not known yet",
                    clock.instant(), retryPolicy));
            return true;
        }
        try {
            mailer.send(recipient.get(), notification);
            deliveries.save(delivery.sent(clock.instant()));
            log.info("Mail for notification {} sent", notification.id());
        } catch (NotificationMailer.MailNotSent e) {
            record(delivery.failed(e.getMessage(), clock.instant(), retryPolicy));
        }
        return true;
    }

    private void record(MailDelivery failed) {
        deliveries.save(failed);
        if (failed.status() == MailStatus.FAILED) {
            log.error("Giving up mail for notification {} after {} attempts: {}", failed.notificationId(),
                    failed.attempts(), failed.lastError());
        } else {
            log.warn("Mail for notification {} not sent (attempt {}), next attempt at {}: {}",
                    failed.notificationId(), failed.attempts(), failed.nextAttemptAt(), failed.lastError());
        }
    }
}
