package io.ticketing.gateway.application.port.out;

import java.util.UUID;

import io.ticketing.gateway.application.port.in.Requester;
import io.ticketing.gateway.domain.BookingRequest;
import reactor.core.publisher.Mono;

/**
 * Stores ticket commands durably (JetStream) for ticket-service to consume whenever it runs. Completes once the
 * broker acknowledged the command; fails with an UNAVAILABLE problem when it cannot.
 */
public interface TicketCommandPublisher {

    Mono<Void> book(UUID ticketId, String idempotencyKey, BookingRequest booking, Requester requester);

    Mono<Void> cancel(UUID ticketId, Requester requester);
}
