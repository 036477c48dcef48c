package io.ticketing.ticket.application.port.in;

public interface ExpireTicketsUseCase {

    /**
     * Expires one batch of PENDING tickets past their deadline; safe to run on every replica at once.
     *
     * @return how many tickets were expired (a full batch means more may be due)
     */
    int expireDue(int batchSize);
}
