package io.ticketing.train.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.ticketing.train.domain.model.SeatClass;

/** One trip that serves the searched segment, priced and counted for exactly that segment. */
public record TripSearchResult(UUID id, String trainNumber, StationRef fromStation, StationRef toStation,
        Instant departure, Instant arrival, long durationMinutes, List<ClassOffer> classes) {

    public record StationRef(UUID id, String name) {
    }

    public record ClassOffer(SeatClass seatClass, MoneyView price, long freeSeats) {
    }
}
