package io.ticketing.gateway.application.port.out;

import java.util.UUID;

import io.ticketing.gateway.application.port.in.Requester;
import reactor.core.publisher.Mono;

/**
 * Reads a ticket from ticket-service on the caller's behalf. Never fails: an outage is {@link TicketLookup.Unknown}.
 */
public interface TicketLookupPort {

    Mono<TicketLookup> find(UUID ticketId, Requester requester);
}
