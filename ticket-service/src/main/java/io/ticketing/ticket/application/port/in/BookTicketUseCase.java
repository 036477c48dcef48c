package io.ticketing.ticket.application.port.in;

import io.ticketing.ticket.domain.model.Ticket;

public interface BookTicketUseCase {

    /**
     * Stores a new ticket (PENDING, or REJECTED when the request is invalid) and asks for a seat. Idempotent on
     * the ticket id: a retry with the same request hash returns the existing ticket, one with another hash is
     * ignored (first request wins).
     */
    Ticket book(BookTicketCommand command);
}
