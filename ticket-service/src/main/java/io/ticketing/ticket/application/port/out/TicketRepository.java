package io.ticketing.ticket.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.ticketing.ticket.application.port.in.TicketPage;
import io.ticketing.ticket.domain.model.Ticket;
import io.ticketing.ticket.domain.model.TicketId;

/** Storage of tickets. Writes must run in the caller's transaction; updates are optimistically versioned. */
public interface TicketRepository {

    /**
     * Blocks other transactions (on every replica) that book the same ticket id until this transaction ends,
     * so concurrent duplicates of one booking see each other instead of racing.
     */
    void lockForBooking(TicketId id);

    Optional<Ticket> findById(TicketId id);

    void add(Ticket ticket);

    /**
     * Stores a changed ticket.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException when someone else changed it since it was read
     */
    void update(Ticket ticket);

    /** PENDING tickets due at {@code now}, locked for this transaction; rows locked by others are skipped. */
    List<Ticket> claimDue(Instant now, int limit);

    /**
     * PENDING and CONFIRMED tickets of the trip, locked for this transaction: a ticket another transaction is
     * changing is waited for and read as it committed it, so updating them all does not conflict.
     */
    List<Ticket> lockUnsettledOfTrip(UUID tripId);

    TicketPage findByUser(UUID userId, int page, int size);
}
