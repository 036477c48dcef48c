package io.ticketing.gateway.domain;

import java.time.Instant;
import java.util.UUID;

import io.ticketing.platform.error.DomainProblem;
import org.jspecify.annotations.Nullable;

/**
 * What the gateway learns about an existing ticket from ticket-service before it sends a command for it.
 * ticket-service re-checks every rule when it consumes the command; these checks only answer early.
 *
 * @param requestHash the hash of the booking request that created the ticket, when ticket-service reports it
 * @param departure   departure from the ticket's first stop, when known
 */
public record TicketSnapshot(UUID id, TicketStatus status, @Nullable String requestHash,
        @Nullable Instant departure) {

    /** A repeated booking with the same key must carry the same body. */
    public void checkSameBooking(String hash) {
        BookingRequest.checkSameRequest(requestHash, hash);
    }

    public void checkCancellable(Instant now) {
        if (status.isFinal()) {
            throw DomainProblem.conflict("TICKET_FINAL", "The ticket is already " + status);
        }
        if (departure != null && departure.isBefore(now)) {
            throw DomainProblem.ruleViolated("ALREADY_DEPARTED", "The train has already departed");
        }
    }
}
