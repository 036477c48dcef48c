package io.ticketing.ticket.domain.model;

import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.ProblemKind;

/** A ticket cannot be cancelled once its train has left the traveller's boarding stop. */
public class TripAlreadyDeparted extends DomainProblem {

    public TripAlreadyDeparted(TicketId id) {
        super(ProblemKind.RULE_VIOLATED, "TRIP_DEPARTED", "Ticket " + id + " cannot be cancelled after departure");
    }
}
