package io.ticketing.ticket.application.service;

import io.ticketing.ticket.application.port.out.TicketEventPublisher;
import io.ticketing.ticket.application.port.out.TicketRepository;
import io.ticketing.ticket.domain.model.Ticket;
import io.ticketing.ticket.domain.model.TicketEvent;
import io.ticketing.ticket.domain.model.TicketStatus;
import io.ticketing.ticket.domain.model.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stores a transition's ticket and publishes its events in the caller's transaction. */
class TicketChanges {

    private static final Logger log = LoggerFactory.getLogger(TicketChanges.class);

    private final TicketRepository tickets;
    private final TicketEventPublisher events;
    private final TicketWaiters waiters;

    TicketChanges(TicketRepository tickets, TicketEventPublisher events, TicketWaiters waiters) {
        this.tickets = tickets;
        this.events = events;
        this.waiters = waiters;
    }

    void applyNew(Transition transition) {
        tickets.add(transition.ticket());
        publish(transition);
        wakeReadersIfSettled(transition.ticket());
    }

    void apply(Transition transition) {
        if (transition.changed()) {
            tickets.update(transition.ticket());
            wakeReadersIfSettled(transition.ticket());
        }
        publish(transition);
    }

    /**
     * Long polls wait for a ticket to leave PENDING: waking them for a ticket that is (still) pending only made
     * each of them read it again for nothing, twice per booking (here and through this replica's own broadcast).
     */
    private void wakeReadersIfSettled(Ticket ticket) {
        if (ticket.status() != TicketStatus.PENDING) {
            waiters.changedAfterCommit(ticket.id());
        }
    }

    private void publish(Transition transition) {
        for (TicketEvent event : transition.events()) {
            events.publish(event);
            log.info("Ticket {} {} ({})", event.ticket().id(), event.getClass().getSimpleName(),
                    event.ticket().status());
        }
    }
}
