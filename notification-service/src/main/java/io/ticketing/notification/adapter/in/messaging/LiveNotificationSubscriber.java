package io.ticketing.notification.adapter.in.messaging;

import java.util.UUID;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.ticketing.notification.application.port.in.DeliverLiveNotificationUseCase;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every replica hears every {@code notifications.live.<userId>} announcement (no queue group): the stream of
 * that user may be open on any of them. An announcement only wakes the user's streams here, which then read.
 */
@Component
class LiveNotificationSubscriber implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveNotificationSubscriber.class);
    private static final String SUBJECT_PREFIX = "notifications.live.";

    private final Connection connection;
    private final DeliverLiveNotificationUseCase deliver;
    private volatile @Nullable Dispatcher dispatcher;

    LiveNotificationSubscriber(Connection connection, DeliverLiveNotificationUseCase deliver) {
        this.connection = connection;
        this.deliver = deliver;
    }

    @Override
    public void start() {
        Dispatcher d = connection.createDispatcher();
        d.subscribe(SUBJECT_PREFIX + ">", this::handle);
        dispatcher = d;
    }

    /**
     * Runs on the dispatcher thread: waking a stream neither blocks nor reads the database. The payload (the
     * notification's id) is not needed: the streams read what is new themselves, in the order of storage.
     */
    private void handle(Message message) {
        try {
            deliver.deliver(UUID.fromString(message.getSubject().substring(SUBJECT_PREFIX.length())));
        } catch (IllegalArgumentException e) {
            log.warn("Ignoring malformed live announcement on {}", message.getSubject());
        }
    }

    @Override
    public void stop() {
        Dispatcher d = dispatcher;
        if (d != null) {
            connection.closeDispatcher(d);
            dispatcher = null;
        }
    }

    @Override
    public boolean isRunning() {
        return dispatcher != null;
    }
}
