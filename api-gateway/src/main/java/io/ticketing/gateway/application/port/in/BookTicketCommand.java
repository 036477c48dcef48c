package io.ticketing.gateway.application.port.in;

import io.ticketing.gateway.domain.BookingRequest;

public record BookTicketCommand(Requester requester, String idempotencyKey, BookingRequest booking) {

    public BookTicketCommand {
        BookingRequest.checkIdempotencyKey(idempotencyKey);
    }
}
