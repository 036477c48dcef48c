package io.ticketing.gateway.application.port.out;

import io.ticketing.gateway.domain.TicketSnapshot;

/** What ticket-service said about a ticket id. */
public sealed interface TicketLookup {

    record Found(TicketSnapshot ticket) implements TicketLookup {
    }

    /** ticket-service answered 404: no such ticket, or not the caller's. */
    record Missing() implements TicketLookup {
    }

    /** ticket-service did not answer usefully (down, 5xx, timeout): decide without it. */
    record Unknown(String reason) implements TicketLookup {
    }
}
