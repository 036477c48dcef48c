package io.ticketing.train.domain.model;

import java.time.Instant;

/** What train-service tells the other services. */
public sealed interface TrainEvent {

    /** The seat is held for the ticket's segment; {@code price} is the sum of the class's leg fares. */
    record SeatReserved(TicketId ticketId, TripId tripId, String trainNumber, Seat seat, Stop from, Stop to,
            Money price, Instant reservedAt) implements TrainEvent, ReservationOutcome {
    }

    record SeatReservationRejected(TicketId ticketId, TripId tripId, RejectionReason reason, String detail,
            Instant rejectedAt) implements TrainEvent, ReservationOutcome {
    }

    record SeatReleased(TicketId ticketId, TripId tripId, SeatId seatId, Segment segment, Instant releasedAt)
            implements TrainEvent {
    }

    record TripScheduled(Trip trip, Instant scheduledAt) implements TrainEvent {
    }

    record TripCancelled(TripId tripId, String trainNumber, Instant cancelledAt) implements TrainEvent {
    }
}
