package io.ticketing.train.domain.model;

/** A seat held for one ticket over one segment of one trip. */
public record SeatReservation(TicketId ticketId, TripId tripId, SeatId seatId, Segment segment) {
}
