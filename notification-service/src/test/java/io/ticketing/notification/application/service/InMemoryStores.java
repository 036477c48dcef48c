package io.ticketing.notification.application.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/** Plain in-memory ports, for use-case tests without Spring or a database. */
final class InMemoryStores implements NotificationRepository, MailDeliveryRepository, RecipientRepository,
        LiveNotificationPublisher, NotificationMailer {

    final Map<NotificationId, Notification> notifications = new LinkedHashMap<>();
    final Map<NotificationId, MailDelivery> deliveries = new LinkedHashMap<>();
    final Map<UUID, Recipient> recipients = new LinkedHashMap<>();
    final List<NotificationId> announced = new ArrayList<>();
    final List<String> sentTo = new ArrayList<>();
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
    public Optional<Notification> findById(NotificationId id) {
        return Optional.ofNullable(notifications.get(id));
    }

    @Override
    public Optional<Notification> findOwned(NotificationId id, UUID userId) {
        return findById(id).filter(n -> n.userId().equals(userId));
    }

    @Override
    public NotificationPage findPage(UUID userId, long offset, int limit) {
        List<Notification> own = notifications.values().stream().filter(n -> n.userId().equals(userId))
                .sorted(Comparator.comparing(Notification::createdAt).reversed()).toList();
        return new NotificationPage(own.stream().skip(offset).limit(limit).toList(), own.size());
    }

    @Override
    public long countUnread(UUID userId) {
        return notifications.values().stream().filter(n -> n.userId().equals(userId) && !n.isRead()).count();
    }

    @Override
    public List<Notification> findCreatedAfter(UUID userId, NotificationId after, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void add(MailDelivery delivery) {
        if (deliveries.putIfAbsent(delivery.notificationId(), delivery) != null) {
            throw new IllegalStateException("Delivery of " + delivery.notificationId() + " exists already");
        }
    }

    @Override
    public void save(MailDelivery delivery) {
        if (deliveries.replace(delivery.notificationId(), delivery) == null) {
            throw new IllegalStateException("No delivery of " + delivery.notificationId() + " to update");
        }
    }

    @Override
    public Optional<MailDelivery> claimNextDue(Instant now) {
        return deliveries.values().stream()
                .filter(d -> d.status() == MailStatus.PENDING && !d.nextAttemptAt().isAfter(now))
                .min(Comparator.comparing(MailDelivery::nextAttemptAt));
    }

    @Override
    public void save(Recipient recipient) {
        recipients.put(recipient.userId(), recipient);
    }

    @Override
    public Optional<Recipient> find(UUID userId) {
        return Optional.ofNullable(recipients.get(userId));
    }

    @Override
    public void publishAfterCommit(UUID userId, NotificationId notificationId) {
        announced.add(notificationId);
    }

    @Override
    public void send(Recipient recipient, Notification notification) {
        if (smtpDown) {
            throw new MailNotSent("Connection refused", new java.net.ConnectException("Connection refused"));
        }
        sentTo.add(recipient.email());
    }
}
