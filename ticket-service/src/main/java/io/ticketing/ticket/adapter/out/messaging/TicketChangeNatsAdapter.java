package io.ticketing.ticket.adapter.out.messaging;

import io.nats.client.Connection;
import io.ticketing.ticket.application.port.out.TicketChangeBroadcast;
import io.ticketing.ticket.domain.model.TicketId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A core NATS message (not stored in any stream) per committed ticket change. It only says "look again": a
 * lost one delays a long poll until its next database re-check, nothing more.
 */
@Component
class TicketChangeNatsAdapter implements TicketChangeBroadcast {

    private static final Logger log = LoggerFactory.getLogger(TicketChangeNatsAdapter.class);

    static final String SUBJECT_PREFIX = "tickets.changed.";

    private final Connection connection;

    TicketChangeNatsAdapter(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void changed(TicketId id) {
        try {
            connection.publish(SUBJECT_PREFIX + id.value(), new byte[0]);
        } catch (IllegalStateException disconnected) {
            // a hint only: readers on other replicas look at the database again on their own within seconds
            log.debug("Change of ticket {} not broadcast: {}", id, disconnected.getMessage());
        }
    }
}
