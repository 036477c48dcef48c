package io.ticketing.train.domain.model;

/** One seat of a train; {@code label()} is how travellers read it: "3-12" = wagon 3 seat 12. */
public record Seat(SeatId id, int wagon, int number, SeatClass seatClass) {

    public String label() {
        return wagon + "-" + number;
    }
}
