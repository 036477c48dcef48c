package io.ticketing.notification.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.ticketing.notification.application.port.in.SendDueMailsUseCase;
import io.ticketing.notification.application.port.out.MailDeliveryRepository;
import io.ticketing.notification.application.port.out.NotificationMailer;
import io.ticketing.notification.application.port.out.NotificationMailer.OutgoingMail;
import io.ticketing.notification.application.port.out.NotificationRepository;
import io.ticketing.notification.application.port.out.RecipientRepository;
import io.ticketing.notification.domain.model.MailDelivery;
import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationId;
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
     * The claimed rows stay locked while their mails are sent, so no other sender (thread or replica) sends them
     * too; the outcomes commit with the locks' release. A crash between the server's acceptance and the commit
     * sends the claimed mails once more (at least once: better than losing them).
     */
    @Override
    @Transactional
    public int sendDueMails(int max) {
        List<MailDelivery> claimed = deliveries.claimDue(clock.instant(), max);
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<NotificationId, Notification> notificationsById = notifications
                .findAllById(claimed.stream().map(MailDelivery::notificationId).toList()).stream()
                .collect(Collectors.toMap(Notification::id, Function.identity()));
        Map<UUID, Recipient> recipientsByUser = recipients
                .findAll(notificationsById.values().stream().map(Notification::userId).distinct().toList()).stream()
                .collect(Collectors.toMap(Recipient::userId, Function.identity()));

        Map<NotificationId, String> failures = new HashMap<>();
        List<OutgoingMail> mails = new ArrayList<>(claimed.size());
        for (MailDelivery delivery : claimed) {
            Notification notification = notificationsById.get(delivery.notificationId());
            if (notification == null) {
                throw new IllegalStateException("Mail without notification " + delivery.notificationId());
            }
            Recipient recipient = recipientsByUser.get(notification.userId());
            if (recipient == null) {
                // UserRegistered may still be on its way (another stream): retry with backoff for a while
                failures.put(notification.id(),
                        "E-mail address of user " + notification.userId() + " is not known yet");
            } else {
                mails.add(new OutgoingMail(recipient, notification));
            }
        }
        if (!mails.isEmpty()) {
            failures.putAll(mailer.sendAll(mails));
        }

        Instant now = clock.instant();
        List<MailDelivery> outcomes = claimed.stream()
                .map(delivery -> {
                    String error = failures.get(delivery.notificationId());
                    return error == null ? delivery.sent(now) : delivery.failed(error, now, retryPolicy);
                })
                .toList();
        deliveries.saveAll(outcomes);
        log(outcomes);
        return claimed.size();
    }

    private static void log(List<MailDelivery> outcomes) {
        int sent = 0;
        for (MailDelivery outcome : outcomes) {
            switch (outcome.status()) {
                case SENT -> sent++;
                case FAILED -> log.error("Giving up mail for notification {} after {} attempts: {}",
                        outcome.notificationId(), outcome.attempts(), outcome.lastError());
                case PENDING -> log.warn("Mail for notification {} not sent (attempt {}), next attempt at {}: {}",
                        outcome.notificationId(), outcome.attempts(), outcome.nextAttemptAt(), outcome.lastError());
            }
        }
        if (sent > 0) {
            // one line per round, not per mail, to keep booking peaks readable: each row's sent_at tells the rest
            log.info("Sent {} of {} claimed mails", sent, outcomes.size());
        }
    }
}
