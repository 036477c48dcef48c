package io.ticketing.ticket.domain.model;

import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.ProblemKind;

/** A rejected, cancelled or expired ticket cannot be cancelled. */
public class TicketAlreadySettled extends DomainProblem {

    public TicketAlreadySettled(TicketId id, TicketStatus status) {
        super(ProblemKind.CONFLICT, "TICKET_" + status, "Ticket " + id + " is already " + status);
    }
}
