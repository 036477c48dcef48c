package io.ticketing.ticket.domain.model;

import java.util.Objects;

/** What train-service reserved for a ticket: the seat on the segment and its price. */
public record Booking(String trainNumber, Seat seat, Stop from, Stop to, Money price) {

    public Booking {
        Objects.requireNonNull(trainNumber, "trainNumber");
        Objects.requireNonNull(seat, "seat");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(price, "price");
    }
}
