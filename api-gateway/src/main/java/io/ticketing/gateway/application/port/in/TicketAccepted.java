package io.ticketing.gateway.application.port.in;

import java.util.UUID;

import io.ticketing.gateway.domain.TicketStatus;
import org.jspecify.annotations.Nullable;

/**
 * A booking or cancellation the system took charge of; its outcome is learned from the ticket later.
 *
 * @param status for a booking PENDING, also when the same booking is asked again (the same answer as the first);
 *               for a cancellation the ticket's status when it was accepted, null when ticket-service could not tell
 */
public record TicketAccepted(UUID id, @Nullable TicketStatus status) {
}
