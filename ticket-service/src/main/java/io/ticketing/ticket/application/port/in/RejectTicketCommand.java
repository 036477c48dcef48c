package io.ticketing.ticket.application.port.in;

import java.util.Objects;

import io.ticketing.ticket.domain.model.Rejection;
import io.ticketing.ticket.domain.model.TicketId;

/** train-service could not reserve a seat for the ticket. */
public record RejectTicketCommand(TicketId ticketId, Rejection rejection) {

    public RejectTicketCommand {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(rejection, "rejection");
    }
}
