package io.ticketing.notification.application.port.out;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.ticketing.notification.application.port.in.GetNotificationsQuery.NotificationPage;
import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationId;

public interface NotificationRepository {

    boolean existsForSourceEvent(String sourceEventId);

    /** Inserts a new notification. */
    void add(Notification notification);

    /** Updates the read state of a notification that exists. */
    void save(Notification notification);

    Optional<Notification> findById(NotificationId id);

    /** The notifications among these ids that exist, in no particular order. */
    List<Notification> findAllById(Collection<NotificationId> ids);

    Optional<Notification> findOwned(NotificationId id, UUID userId);

    /** Newest first. */
    NotificationPage findPage(UUID userId, long offset, int limit);

    long countUnread(UUID userId);

    /** Notifications of the user created after {@code after} (which must be theirs), oldest first. */
    List<Notification> findCreatedAfter(UUID userId, NotificationId after, int limit);
}
