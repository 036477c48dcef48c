package io.ticketing.ticket.domain.model;

import java.time.Instant;

/** What happened to a ticket; each carries the ticket as it is after the change. */
public sealed interface TicketEvent {

    Ticket ticket();

    /** A PENDING ticket asks for a seat. */
    record Requested(Ticket ticket) implements TicketEvent {
    }

    record Booked(Ticket ticket) implements TicketEvent {
    }

    record Rejected(Ticket ticket) implements TicketEvent {
    }

    record Cancelled(Ticket ticket, CancellationCause cause) implements TicketEvent {
    }

    record Expired(Ticket ticket) implements TicketEvent {
    }

    /** Compensation: a seat was reserved for a ticket that no longer wants it; the ticket itself is unchanged. */
    record SeatReleaseRequested(Ticket ticket, Instant at) implements TicketEvent {
    }
}
