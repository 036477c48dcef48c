package io.ticketing.ticket.application.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.ticketing.ticket.application.port.in.NoticeTicketChangeUseCase;
import io.ticketing.ticket.application.port.out.TicketChangeBroadcast;
import io.ticketing.ticket.domain.model.TicketId;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes long-polling readers of a ticket as soon as a change to it commits: in this process directly, on the
 * other replicas through the broadcast. Readers still re-check the database now and then, in case a broadcast
 * is lost.
 */
public class TicketWaiters implements NoticeTicketChangeUseCase {

    private final ConcurrentHashMap<TicketId, CompletableFuture<Void>> next = new ConcurrentHashMap<>();
    private final TicketChangeBroadcast broadcast;

    public TicketWaiters(TicketChangeBroadcast broadcast) {
        this.broadcast = broadcast;
    }

    @Override
    public void changedElsewhere(TicketId id) {
        signal(id);
    }

    /** Completes at the next committed change of the ticket (shared by every reader of that ticket). */
    CompletableFuture<Void> nextChange(TicketId id) {
        return next.computeIfAbsent(id, k -> new CompletableFuture<>());
    }

    /**
     * The reader stops waiting. Dropping a signal another reader shares only makes that reader fall back to its
     * periodic re-check, so this is kept simple.
     */
    void forget(TicketId id, CompletableFuture<Void> change) {
        next.remove(id, change);
    }

    /** Signals the ticket's readers once the current transaction commits (at once without a transaction). */
    void changedAfterCommit(TicketId id) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal(id);
                    broadcast.changed(id);
                }
            });
        } else {
            signal(id);
            broadcast.changed(id);
        }
    }

    private void signal(TicketId id) {
        CompletableFuture<Void> change = next.remove(id);
        if (change != null) {
            change.complete(null);
        }
    }
}
