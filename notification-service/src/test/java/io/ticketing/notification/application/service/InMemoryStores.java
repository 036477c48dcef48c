package io.ticketing.notification.application.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.ticketing.notification.application.port.in.GetNotificationsQuery.NotificationPage;
import io.ticketing.notification.application.port.out.LiveNotificationPublisher;
import io.ticketing.notification.application.port.out.MailDeliveryRepository;
import io.ticketing.notification.application.port.out.NotificationMailer;
import io.ticketing.notification.application.port.out.NotificationRepository;
import io.ticketing.notification.application.port.out.RecipientRepository;
import io.ticketing.notification.domain.model.MailDelivery;
import io.ticketing.notification.domain.model.MailStatus;
import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationId;
import io.ticketing.notification.domain.model.Recipient;
import org.jspecify.annotations.Nullable;

/**
 * Plain in-memory ports, for use-case tests without Spring or a database. Notifications are in the order they were
 * added, which stands for the order of storage (of commit) that the database keeps per user.
 */
final class InMemoryStores implements NotificationRepository, MailDeliveryRepository, RecipientRepository,
        LiveNotificationPublisher, NotificationMailer {

    final Map<NotificationId, Notification> notifications = new LinkedHashMap<>();
    final Map<NotificationId, MailDelivery> deliveries = new LinkedHashMap<>();
    final Map<UUID, Recipient> recipients = new LinkedHashMap<>();
    final List<NotificationId> announced = new ArrayList<>();
    final List<String> sentTo = new ArrayList<>();
    /** The size of each batch handed to the mailer: one entry per SMTP connection. */
    final List<Integer> batches = new ArrayList<>();
    /** Addresses the mail server refuses; the other mails of a batch go out. */
    final Set<String> refused = new HashSet<>();
    boolean smtpDown;

    @Override
    public boolean existsForSourceEvent(String sourceEventId) {
        return notifications.values().stream().anyMatch(n -> n.sourceEventId().equals(sourceEventId));
    }

    @Override
    public void add(Notification notification) {
        if (notifications.putIfAbsent(notification.id(), notification) != null) {
            throw new IllegalStateException("Notification " + notification.id() + " exists already");
        }
    }

    @Override
    public void save(Notification notification) {
        if (notifications.replace(notification.id(), notification) == null) {
            throw new IllegalStateException("No notification " + notification.id() + " to update");
        }
    }

    @Override
    public List<Notification> findAllById(Collection<NotificationId> ids) {
        return ids.stream().distinct().map(notifications::get).filter(Objects::nonNull).toList();
    }

    @Override
    public Optional<Notification> findOwned(NotificationId id, UUID userId) {
        return Optional.ofNullable(notifications.get(id)).filter(n -> n.userId().equals(userId));
    }

    @Override
    public NotificationPage findPage(UUID userId, long offset, int limit) {
        List<Notification> own = own(userId).reversed();
        return new NotificationPage(own.stream().skip(offset).limit(limit).toList(), own.size());
    }

    @Override
    public long countUnread(UUID userId) {
        return notifications.values().stream().filter(n -> n.userId().equals(userId) && !n.isRead()).count();
    }

    @Override
    public Optional<NotificationId> findLastStoredId(UUID userId) {
        List<Notification> own = own(userId);
        return own.isEmpty() ? Optional.empty() : Optional.of(own.getLast().id());
    }

    @Override
    public List<Notification> findStoredAfter(UUID userId, @Nullable NotificationId after, int limit) {
        List<Notification> own = own(userId);
        int from = 0;
        if (after != null) {
            List<NotificationId> ids = own.stream().map(Notification::id).toList();
            if (!ids.contains(after)) {
                return List.of();
            }
            from = ids.indexOf(after) + 1;
        }
        return List.copyOf(own.subList(from, Math.min(own.size(), from + limit)));
    }

    private List<Notification> own(UUID userId) {
        return notifications.values().stream().filter(n -> n.userId().equals(userId)).toList();
    }

    @Override
    public void add(MailDelivery delivery) {
        if (deliveries.putIfAbsent(delivery.notificationId(), delivery) != null) {
            throw new IllegalStateException("Delivery of " + delivery.notificationId() + " exists already");
        }
    }

    @Override
    public void saveAll(List<MailDelivery> saved) {
        saved.forEach(delivery -> deliveries.put(delivery.notificationId(), delivery));
    }

    @Override
    public List<MailDelivery> claimDue(Instant now, int max) {
        return deliveries.values().stream()
                .filter(d -> d.status() == MailStatus.PENDING && !d.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(MailDelivery::nextAttemptAt))
                .limit(max)
                .toList();
    }

    @Override
    public void save(Recipient recipient) {
        recipients.put(recipient.userId(), recipient);
    }

    @Override
    public List<Recipient> findAll(Collection<UUID> userIds) {
        return userIds.stream().distinct().map(recipients::get).filter(Objects::nonNull).toList();
    }

    @Override
    public void publishAfterCommit(UUID userId, NotificationId notificationId) {
        announced.add(notificationId);
    }

    @Override
    public Map<NotificationId, String> sendAll(List<OutgoingMail> mails) {
        batches.add(mails.size());
        Map<NotificationId, String> failures = new HashMap<>();
        for (OutgoingMail mail : mails) {
            if (smtpDown) {
                failures.put(mail.notification().id(), "Mail server connection failed: Connection refused");
            } else if (refused.contains(mail.recipient().email())) {
                failures.put(mail.notification().id(), "550 mailbox unavailable");
            } else {
                sentTo.add(mail.recipient().email());
            }
        }
        return failures;
    }
}
