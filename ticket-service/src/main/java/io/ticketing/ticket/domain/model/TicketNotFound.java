package io.ticketing.ticket.domain.model;

import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.ProblemKind;

/** Unknown ticket, or one the caller may not see (they are indistinguishable on purpose). */
public class TicketNotFound extends DomainProblem {

    public TicketNotFound(TicketId id) {
        super(ProblemKind.NOT_FOUND, "TICKET_NOT_FOUND", "Ticket " + id + " not found");
    }
}
