package io.ticketing.ticket.application.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.ticketing.ticket.domain.model.TicketId;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes long-polling readers of a ticket in this process as soon as a change to it commits. Changes made by
 * other replicas are not seen here; readers re-check the database periodically for those.
 */
public class TicketWaiters {

    private final ConcurrentHashMap<TicketId, CompletableFuture<Void>> next = new ConcurrentHashMap<>();

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
                }
            });
        } else {
            signal(id);
        }
    }

    private void signal(TicketId id) {
        CompletableFuture<Void> change = next.remove(id);
        if (change != null) {
            change.complete(null);
        }
    }
}
