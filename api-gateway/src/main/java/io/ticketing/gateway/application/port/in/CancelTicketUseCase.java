package io.ticketing.gateway.application.port.in;

import reactor.core.publisher.Mono;

/** Accepts a cancellation durably; refuses early what ticket-service would refuse (unknown, final, departed). */
public interface CancelTicketUseCase {

    Mono<TicketAccepted> cancel(CancelTicketCommand command);
}
