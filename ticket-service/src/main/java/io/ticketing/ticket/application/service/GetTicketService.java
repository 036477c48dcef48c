package io.ticketing.ticket.application.service;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.ticketing.ticket.application.port.in.GetTicketQuery;
import io.ticketing.ticket.application.port.in.TicketPage;
import io.ticketing.ticket.application.port.in.Viewer;
import io.ticketing.ticket.application.port.out.TicketRepository;
import io.ticketing.ticket.domain.model.Ticket;
import io.ticketing.ticket.domain.model.TicketId;
import io.ticketing.ticket.domain.model.TicketNotFound;
import io.ticketing.ticket.domain.model.TicketStatus;

/**
 * Reads tickets. Deliberately not transactional: a long poll must not pin a database connection, so each
 * look at the ticket borrows one only for its query.
 */
public class GetTicketService implements GetTicketQuery {

    private final TicketRepository tickets;
    private final TicketWaiters waiters;
    private final Duration recheckInterval;

    /** @param recheckInterval how often a waiting reader looks again, for changes made by other replicas */
    public GetTicketService(TicketRepository tickets, TicketWaiters waiters, Duration recheckInterval) {
        this.tickets = tickets;
        this.waiters = waiters;
        this.recheckInterval = recheckInterval;
    }

    @Override
    public Ticket get(TicketId id, Viewer viewer) {
        return tickets.findById(id)
                .filter(t -> viewer.admin() || t.isOwnedBy(viewer.userId()))
                .orElseThrow(() -> new TicketNotFound(id));
    }

    /**
     * Waits until the ticket leaves PENDING. A ticket not found yet is waited for too: right after the
     * gateway accepted a booking (202) its command may still be on its way, and the client polling the
     * {@code Location} must not be told 404 for a booking that is about to exist.
     */
    @Override
    public Ticket awaitSettled(TicketId id, Viewer viewer, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            // subscribe before reading, so a change committed in between is not missed
            CompletableFuture<Void> change = waiters.nextChange(id);
            long remaining = deadline - System.nanoTime();
            Ticket ticket;
            try {
                ticket = get(id, viewer);
            } catch (TicketNotFound e) {
                if (remaining <= 0 || !awaitChange(change, Math.min(remaining, recheckInterval.toNanos()))) {
                    waiters.forget(id, change);
                    throw e;
                }
                continue;
            }
            if (ticket.status() != TicketStatus.PENDING || remaining <= 0) {
                waiters.forget(id, change);
                return ticket;
            }
            if (!awaitChange(change, Math.min(remaining, recheckInterval.toNanos()))) {
                waiters.forget(id, change);
                return ticket;
            }
        }
    }

    /** Parks the (virtual) thread until the change or the timeout; false when interrupted. */
    private static boolean awaitChange(CompletableFuture<Void> change, long nanos) {
        try {
            change.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // time to look at the database again
        } catch (ExecutionException e) {
            throw new IllegalStateException("A change signal never fails", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    @Override
    public TicketPage listOwn(UUID userId, int page, int size) {
        return tickets.findByUser(userId, page, size);
    }
}
