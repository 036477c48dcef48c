package io.ticketing.gateway.application.port.in;

import java.util.UUID;

import io.ticketing.gateway.domain.TicketStatus;
import org.jspecify.annotations.Nullable;

/**
 * A booking or cancellation the system took charge of; its outcome is learned from the ticket later.
 *
 * @param status the ticket's status when the command was accepted; null when ticket-service could not tell
 */
public record TicketAccepted(UUID id, @Nullable TicketStatus status) {
}
