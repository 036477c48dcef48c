package io.ticketing.ticket.application.port.in;

import java.util.UUID;

public interface CancelTicketUseCase {

    /**
     * Cancels the ticket if the actor owns it (or is an admin) and it can still be cancelled. The gateway has
     * already answered the traveller, so a refused command is logged, not thrown.
     *
     * @return whether the ticket was cancelled
     */
    boolean cancel(CancelTicketCommand command);

    /** The trip was cancelled: cancels every ticket still standing on it. Returns how many. */
    int cancelTrip(UUID tripId);
}
