package io.ticketing.notification.adapter.in.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.ticketing.notification.application.port.in.DeliverLiveNotificationUseCase;
import io.ticketing.notification.domain.model.NotificationId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every replica hears every {@code notifications.live.<userId>} announcement (no queue group): the stream of
 * that user may be open on any of them.
 */
@Component
class LiveNotificationSubscriber implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveNotificationSubscriber.class);
    private static final String SUBJECT_PREFIX = "notifications.live.";

    private final Connection connection;
    private final DeliverLiveNotificationUseCase deliver;
    // the dispatcher thread must not wait for the database
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private volatile @Nullable Dispatcher dispatcher;

    LiveNotificationSubscriber(Connection connection, DeliverLiveNotificationUseCase deliver) {
        this.connection = connection;
        this.deliver = deliver;
    }

    @Override
    public void start() {
        Dispatcher d = connection.createDispatcher();
        d.subscribe(SUBJECT_PREFIX + ">", message -> executor.execute(() -> handle(message)));
        dispatcher = d;
    }

    private void handle(Message message) {
        try {
            UUID userId = UUID.fromString(message.getSubject().substring(SUBJECT_PREFIX.length()));
            NotificationId id = new NotificationId(
                    UUID.fromString(new String(message.getData(), StandardCharsets.UTF_8)));
            deliver.deliver(userId, id);
        } catch (IllegalArgumentException e) {
            log.warn("Ignoring malformed live announcement on {}", message.getSubject());
        } catch (RuntimeException e) {
            // the stored notification stays listed and is resent on reconnect (Last-Event-ID)
            log.warn("Live push on {} failed: {}", message.getSubject(), e.toString());
        }
    }

    @Override
    public void stop() {
        Dispatcher d = dispatcher;
        if (d != null) {
            connection.closeDispatcher(d);
            dispatcher = null;
        }
        executor.shutdown();
    }

    @Override
    public boolean isRunning() {
        return dispatcher != null;
    }
}
