package io.ticketing.ticket.application.port.in;

import java.util.List;

import io.ticketing.ticket.domain.model.Ticket;

public record TicketPage(List<Ticket> items, int page, int size, long totalItems) {

    public TicketPage {
        items = List.copyOf(items);
    }
}
