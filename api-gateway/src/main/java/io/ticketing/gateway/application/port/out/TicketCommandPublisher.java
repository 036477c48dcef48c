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

    /** What the broker made of a booking command. */
    enum Publication {
        /** Stored now. */
        STORED,
        /**
         * Not stored: the broker holds a command with this ticket id already (it remembers ids for its duplicate
         * window), sent by this or another gateway replica, with this body or another one.
         */
        DUPLICATE
    }

    Mono<Publication> book(UUID ticketId, String idempotencyKey, BookingRequest booking, Requester requester);

    Mono<Void> cancel(UUID ticketId, Requester requester);
}
