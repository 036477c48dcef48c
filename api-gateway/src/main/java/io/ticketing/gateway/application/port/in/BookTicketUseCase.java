package io.ticketing.gateway.application.port.in;

import reactor.core.publisher.Mono;

/** Accepts a booking durably, even while ticket-service is down; the same key and body again is answered alike. */
public interface BookTicketUseCase {

    Mono<TicketAccepted> book(BookTicketCommand command);
}
