package io.ticketing.ticket.domain.model;

import java.util.Objects;
import java.util.UUID;

/** The seat train-service reserved; {@code number} is the label such as "3-12" (wagon 3, seat 12). */
public record Seat(UUID id, int wagon, String number, SeatClass seatClass) {

    public Seat {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(seatClass, "seatClass");
    }
}
