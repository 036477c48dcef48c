package io.ticketing.train.application.port.in;

import io.ticketing.train.domain.model.ReservationOutcome;

public interface ReserveSeatUseCase {

    /**
     * Holds a seat for the ticket's segment, or says why not, and publishes the outcome. Safe under any
     * concurrency: two tickets never hold overlapping segments of one seat. Asking again for the same
     * ticket answers with its existing reservation.
     */
    ReservationOutcome reserveSeat(ReserveSeatCommand command);
}
