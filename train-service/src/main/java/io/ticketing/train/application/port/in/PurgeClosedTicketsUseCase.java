package io.ticketing.train.application.port.in;

/** Forgets closed tickets no late request can refer to any more; safe to run on every replica at once. */
public interface PurgeClosedTicketsUseCase {

    /**
     * Deletes one batch of closed tickets past their retention
     * ({@link io.ticketing.train.domain.model.ClosedTicketRetention}).
     *
     * @return how many were deleted (a full batch means more may be due)
     */
    int purgeBatch(int batchSize);
}
