package io.ticketing.ticket.adapter.in.messaging;

import java.util.UUID;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.ticketing.platform.messaging.Subjects;
import io.ticketing.ticket.application.port.in.NoticeTicketChangeUseCase;
import io.ticketing.ticket.domain.model.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Hears every replica's ticket changes (its own included) and wakes the long polls waiting here. */
@Component
class TicketChangeSubscriber implements SmartLifecycle {

    private static final String SUBJECT = "tickets.changed.*";

    private final Connection connection;
    private final NoticeTicketChangeUseCase changes;
    private volatile @Nullable Dispatcher dispatcher;

    TicketChangeSubscriber(Connection connection, NoticeTicketChangeUseCase changes) {
        this.connection = connection;
        this.changes = changes;
    }

    @Override
    public void start() {
        Dispatcher d = connection.createDispatcher(message -> {
            try {
                changes.changedElsewhere(new TicketId(UUID.fromString(Subjects.typeName(message.getSubject()))));
            } catch (IllegalArgumentException notATicketId) {
                // not one of ours: nothing to wake
            }
        });
        d.subscribe(SUBJECT);
        dispatcher = d;
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
