package io.ticketing.train.application.port.in;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.ticketing.train.domain.model.SeatClass;
import io.ticketing.train.domain.model.Trip;
import io.ticketing.train.domain.model.TripStatus;
import org.jspecify.annotations.Nullable;

public record TripView(UUID id, UUID trainId, String trainNumber, TripStatus status, List<StopView> stops,
        Map<SeatClass, MoneyView> fares) {

    public record StopView(int index, UUID stationId, String stationName, UUID cityId, @Nullable Instant arrival,
            @Nullable Instant departure) {
    }

    public static TripView of(Trip trip) {
        Map<SeatClass, MoneyView> fares = new LinkedHashMap<>();
        trip.faresInClassOrder().forEach((seatClass, fare) -> fares.put(seatClass, MoneyView.of(fare)));
        return new TripView(trip.id().value(), trip.trainId().value(), trip.trainNumber(), trip.status(),
                trip.stops().stream().map(s -> new StopView(s.index(), s.stationId().value(), s.stationName(),
                        s.cityId().value(), s.arrival(), s.departure())).toList(),
                fares);
    }
}
