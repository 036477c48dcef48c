package io.ticketing.ticket.application.port.in;

import java.util.Objects;
import java.util.UUID;

import io.ticketing.ticket.domain.model.TicketId;

/** {@code actor} (verified by the gateway) wants the ticket cancelled; {@code admin} when they act as operator. */
public record CancelTicketCommand(TicketId ticketId, UUID actor, boolean admin) {

    public CancelTicketCommand {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(actor, "actor");
    }
}
