package io.ticketing.train.domain.model;

/** The answer to a ticket's request for a seat: reserved or rejected, never both. */
public sealed interface ReservationOutcome permits TrainEvent.SeatReserved, TrainEvent.SeatReservationRejected {

    TicketId ticketId();
}
