package io.ticketing.ticket.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A ticket and its booking saga. Immutable: every method returns a {@link Transition} with the ticket
 * afterwards and the events it causes. The saga tolerates what a message broker does: duplicates and late or
 * out-of-order answers leave a settled ticket as it is, and a seat reserved for a ticket that no longer wants
 * it is handed back instead of resurrecting the ticket.
 *
 * @param requestHash hash of the original request; a retry with the same ticket id but another hash is refused
 * @param expiresAt   when a still PENDING ticket gives up waiting for train-service
 * @param version     optimistic lock version, as last read from storage
 */
public record Ticket(
        TicketId id,
        UUID userId,
        String requestHash,
        TicketRequest request,
        TicketStatus status,
        @Nullable Rejection rejection,
        @Nullable Booking booking,
        Instant createdAt,
        Instant updatedAt,
        Instant expiresAt,
        long version) {

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (status == TicketStatus.CONFIRMED && booking == null) {
            throw new IllegalArgumentException("A confirmed ticket has a booking");
        }
        if (status == TicketStatus.REJECTED && rejection == null) {
            throw new IllegalArgumentException("A rejected ticket has a reason");
        }
        if (!request.isComplete() && status != TicketStatus.REJECTED) {
            throw new IllegalArgumentException("An incomplete request can only be rejected");
        }
    }

    /** A new ticket waiting for train-service's answer until {@code now + deadline}. */
    public static Transition request(TicketId id, UUID userId, String requestHash, TicketRequest request,
            Instant now, Duration deadline) {
        Ticket ticket = new Ticket(id, userId, requestHash, request, TicketStatus.PENDING, null, null, now, now,
                now.plus(deadline), 0);
        return Transition.to(ticket, new TicketEvent.Requested(ticket));
    }

    /**
     * A request that cannot be served as sent. It is stored rejected rather than dropped, so the traveller, who
     * was already told "accepted", learns the outcome.
     */
    public static Transition rejectInvalid(TicketId id, UUID userId, String requestHash, TicketRequest request,
            String detail, Instant now) {
        Ticket ticket = new Ticket(id, userId, requestHash, request, TicketStatus.REJECTED,
                new Rejection(Rejection.INVALID_REQUEST, detail), null, now, now, now, 0);
        return Transition.to(ticket, new TicketEvent.Rejected(ticket));
    }

    /** The request is a retry of this ticket's if it carries the same hash. */
    public boolean sameRequest(String otherHash) {
        return requestHash.equals(otherHash);
    }

    public boolean isOwnedBy(UUID user) {
        return userId.equals(user);
    }

    /** train-service holds a seat for this ticket. */
    public Transition seatReserved(Booking reserved, Instant now) {
        return switch (status) {
            case PENDING -> {
                Ticket confirmed = with(TicketStatus.CONFIRMED, null, reserved, now);
                yield Transition.to(confirmed, new TicketEvent.Booked(confirmed));
            }
            case CONFIRMED -> Transition.unchanged(this);
            case REJECTED, CANCELLED, EXPIRED -> Transition.compensate(this,
                    new TicketEvent.SeatReleaseRequested(this, now));
        };
    }

    /** train-service could not hold a seat; only a waiting ticket cares. */
    public Transition reservationRejected(Rejection why, Instant now) {
        if (status != TicketStatus.PENDING) {
            return Transition.unchanged(this);
        }
        Ticket rejected = with(TicketStatus.REJECTED, why, null, now);
        return Transition.to(rejected, new TicketEvent.Rejected(rejected));
    }

    public boolean isDue(Instant now) {
        return status == TicketStatus.PENDING && !now.isBefore(expiresAt);
    }

    /** Gives up waiting once the deadline has passed; train-service releases any hold it still has. */
    public Transition expireIfDue(Instant now) {
        if (!isDue(now)) {
            return Transition.unchanged(this);
        }
        Ticket expired = with(TicketStatus.EXPIRED, null, booking, now);
        return Transition.to(expired, new TicketEvent.Expired(expired));
    }

    /**
     * The traveller (or an operator) cancels.
     *
     * @throws TicketAlreadySettled when the ticket is rejected, cancelled or expired
     * @throws TripAlreadyDeparted  when the train has left the boarding stop
     */
    public Transition cancel(CancellationCause cause, Instant now) {
        if (status.isFinal()) {
            throw new TicketAlreadySettled(id, status);
        }
        if (hasDeparted(now)) {
            throw new TripAlreadyDeparted(id);
        }
        return cancelled(cause, now);
    }

    /** The operator cancelled the whole trip: every ticket still standing goes, departed or not. */
    public Transition tripCancelled(Instant now) {
        if (status.isFinal()) {
            return Transition.unchanged(this);
        }
        return cancelled(CancellationCause.TRIP_CANCELLED, now);
    }

    /** Departure is known once the seat is reserved; a PENDING ticket has not departed as far as we know. */
    public boolean hasDeparted(Instant now) {
        Instant departure = booking == null ? null : booking.from().departure();
        return departure != null && !now.isBefore(departure);
    }

    private Transition cancelled(CancellationCause cause, Instant now) {
        Ticket cancelled = with(TicketStatus.CANCELLED, null, booking, now);
        return Transition.to(cancelled, new TicketEvent.Cancelled(cancelled, cause));
    }

    private Ticket with(TicketStatus newStatus, @Nullable Rejection newRejection, @Nullable Booking newBooking,
            Instant now) {
        return new Ticket(id, userId, requestHash, request, newStatus, newRejection, newBooking, createdAt, now,
                expiresAt, version);
    }
}
