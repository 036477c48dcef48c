package io.ticketing.ticket.domain.model;

import java.util.List;

/**
 * The outcome of applying something to a ticket: the ticket afterwards and the events to publish.
 * {@code changed} says whether the ticket must be stored; a compensation publishes without changing it.
 */
public record Transition(Ticket ticket, boolean changed, List<TicketEvent> events) {

    public Transition {
        events = List.copyOf(events);
    }

    static Transition to(Ticket ticket, TicketEvent event) {
        return new Transition(ticket, true, List.of(event));
    }

    static Transition unchanged(Ticket ticket) {
        return new Transition(ticket, false, List.of());
    }

    static Transition compensate(Ticket ticket, TicketEvent event) {
        return new Transition(ticket, false, List.of(event));
    }
}
