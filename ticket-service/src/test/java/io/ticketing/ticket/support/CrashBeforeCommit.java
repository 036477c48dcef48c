package io.ticketing.ticket.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.ticketing.ticket.domain.model.TicketId;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Simulates the service dying after a handler did its work but before the transaction committed: for an armed
 * ticket, the next transaction that settles it fails in {@code beforeCommit}, once.
 */
public final class CrashBeforeCommit {

    private final Set<TicketId> armed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger crashes = new AtomicInteger();

    public void arm(TicketId id) {
        armed.add(id);
    }

    public int crashes() {
        return crashes.get();
    }

    void afterHandling(TicketId id) {
        if (armed.remove(id)) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    crashes.incrementAndGet();
                    throw new IllegalStateException("simulated crash before commit of ticket " + id);
                }
            });
        }
    }
}
