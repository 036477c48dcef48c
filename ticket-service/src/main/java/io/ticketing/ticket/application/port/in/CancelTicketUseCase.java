package io.ticketing.ticket.application.port.in;

import java.util.UUID;

public interface CancelTicketUseCase {

    /**
     * Cancels the ticket if the actor owns it (or is an admin) and it can still be cancelled. The gateway has
     * already answered the traveller, so a refused command is logged, not thrown.
     *
     * @return whether the ticket was cancelled
     * @throws io.ticketing.ticket.domain.model.TicketNotFound when no such ticket is stored (yet): its booking
     *         may still be on its way, so the command is to be retried
     */
    boolean cancel(CancelTicketCommand command);

    /** The trip was cancelled: cancels every ticket still standing on it. Returns how many. */
    int cancelTrip(UUID tripId);
}
