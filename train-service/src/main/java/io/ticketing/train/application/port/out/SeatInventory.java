package io.ticketing.train.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.ticketing.train.domain.model.SeatCandidate;
import io.ticketing.train.domain.model.SeatClass;
import io.ticketing.train.domain.model.SeatReservation;
import io.ticketing.train.domain.model.Segment;
import io.ticketing.train.domain.model.TicketId;
import io.ticketing.train.domain.model.Trip;

/** The seats held per trip segment. Overlaps are refused by the store itself, not by callers checking first. */
public interface SeatInventory {

    /** Serializes all work on one ticket until the current transaction ends. */
    void lockTicket(TicketId ticketId);

    /** Whether the ticket was seen cancelled, expired or released. */
    boolean isClosed(TicketId ticketId);

    /** Remembers the ticket as closed (idempotent). */
    void markClosed(TicketId ticketId, String cause, Instant at);

    /**
     * Forgets up to {@code limit} tickets closed before {@code cutoff}; rows locked by a concurrent purge are
     * skipped, not waited for.
     *
     * @return how many were forgotten
     */
    int forgetClosedBefore(Instant cutoff, int limit);

    Optional<SeatReservation> findByTicket(TicketId ticketId);

    /**
     * Atomically holds the seat for the segment; false when another reservation overlaps it. A refused
     * attempt leaves the surrounding transaction usable.
     */
    boolean tryReserve(SeatReservation reservation, Instant at);

    /** Seats of the class that are free for the whole segment, each with the free gap around it. */
    List<SeatCandidate> freeSeats(Trip trip, SeatClass seatClass, Segment segment);

    /** Deletes the ticket's reservation and returns it, if it had one. */
    Optional<SeatReservation> release(TicketId ticketId);
}
