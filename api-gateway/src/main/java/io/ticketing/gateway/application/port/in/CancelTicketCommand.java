package io.ticketing.gateway.application.port.in;

import java.util.UUID;

public record CancelTicketCommand(Requester requester, UUID ticketId) {
}
