package io.ticketing.notification.adapter.out.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.nats.client.Connection;
import io.ticketing.notification.application.port.out.LiveNotificationPublisher;
import io.ticketing.notification.domain.model.NotificationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Announces a new notification on core NATS ({@code notifications.live.<userId>}, outside every stream) so
 * the replica that holds the user's live stream pushes it. Losing an announcement is harmless: the stored
 * notification is still listed, an open stream sends it with the user's next one (streams read all that is new),
 * and a reconnecting stream catches up through {@code Last-Event-ID}.
 */
@Component
class LiveNotificationNatsAdapter implements LiveNotificationPublisher {

    private static final Logger log = LoggerFactory.getLogger(LiveNotificationNatsAdapter.class);

    static final String SUBJECT_PREFIX = "notifications.live.";

    private final Connection connection;

    LiveNotificationNatsAdapter(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void publishAfterCommit(UUID userId, NotificationId notificationId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish(userId, notificationId);
                }
            });
        } else {
            publish(userId, notificationId);
        }
    }

    private void publish(UUID userId, NotificationId notificationId) {
        try {
            connection.publish(SUBJECT_PREFIX + userId, notificationId.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IllegalStateException disconnected) {
            // the notification is stored: a stream that missed it gets it on its next connect (Last-Event-ID)
            log.debug("Notification {} not pushed live: {}", notificationId, disconnected.getMessage());
        }
    }
}
