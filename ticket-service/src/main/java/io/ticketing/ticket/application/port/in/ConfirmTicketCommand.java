package io.ticketing.ticket.application.port.in;

import java.util.Objects;

import io.ticketing.ticket.domain.model.Booking;
import io.ticketing.ticket.domain.model.TicketId;

/** train-service reserved {@code booking} for the ticket. */
public record ConfirmTicketCommand(TicketId ticketId, Booking booking) {

    public ConfirmTicketCommand {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(booking, "booking");
    }
}
