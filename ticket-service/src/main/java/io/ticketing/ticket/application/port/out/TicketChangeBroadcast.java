package io.ticketing.ticket.application.port.out;

import io.ticketing.ticket.domain.model.TicketId;

/** Tells the other replicas that a ticket changed, so their long-polling readers look again at once. */
public interface TicketChangeBroadcast {

    void changed(TicketId id);
}
