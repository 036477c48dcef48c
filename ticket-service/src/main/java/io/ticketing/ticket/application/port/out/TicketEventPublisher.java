package io.ticketing.ticket.application.port.out;

import io.ticketing.ticket.domain.model.TicketEvent;

/** Publishes ticket events through the outbox: they are sent if and only if the caller's transaction commits. */
public interface TicketEventPublisher {

    void publish(TicketEvent event);
}
