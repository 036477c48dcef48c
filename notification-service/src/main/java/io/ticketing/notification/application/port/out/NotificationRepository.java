package io.ticketing.notification.application.port.out;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.ticketing.notification.application.port.in.GetNotificationsQuery.NotificationPage;
import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationId;
import org.jspecify.annotations.Nullable;

public interface NotificationRepository {

    boolean existsForSourceEvent(String sourceEventId);

    /**
     * Inserts a new notification, last in its user's order of storage: a notification whose transaction commits
     * later always comes later in that order, whatever its createdAt and id.
     */
    void add(Notification notification);

    /** Updates the read state of a notification that exists (it fails when there is none). */
    void save(Notification notification);

    /** The notifications among these ids that exist, in no particular order. */
    List<Notification> findAllById(Collection<NotificationId> ids);

    Optional<Notification> findOwned(NotificationId id, UUID userId);

    /** Newest first: the last stored first. */
    NotificationPage findPage(UUID userId, long offset, int limit);

    long countUnread(UUID userId);

    /** The user's last stored notification, if they have any. */
    Optional<NotificationId> findLastStoredId(UUID userId);

    /**
     * The user's notifications stored after {@code after} (none when it is not theirs), or from their first when it is
     * null, in the order they were stored. What one call sees is complete up to the last one it returns: none stored
     * before that one is missing, even when the transactions that stored them overlapped.
     */
    List<Notification> findStoredAfter(UUID userId, @Nullable NotificationId after, int limit);
}
