package io.ticketing.train.domain.model;

/** What an operator asks for: wagon {@code number} of class {@code seatClass} with {@code seats} seats. */
public record WagonPlan(int number, SeatClass seatClass, int seats) {
}
