package io.ticketing.train.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data: a train with both classes and a trip along n stations, one hour per leg, 10 minutes per stop. */
final class TripMother {

    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    static final Instant FIRST_DEPARTURE = Instant.parse("2030-01-10T08:00:00Z");

    private TripMother() {
    }

    static Train train() {
        return Train.create(new TrainId(UUID.randomUUID()), "ICE 1", "Sprinter",
                List.of(new WagonPlan(1, SeatClass.FIRST, 4), new WagonPlan(2, SeatClass.SECOND, 6)),
                () -> new SeatId(UUID.randomUUID()));
    }

    static List<Stop> stops(int count) {
        List<Stop> stops = new ArrayList<>();
        Instant t = FIRST_DEPARTURE;
        for (int i = 0; i < count; i++) {
            Instant arrival = i == 0 ? null : t;
            Instant departure = i == count - 1 ? null : (i == 0 ? t : t.plus(Duration.ofMinutes(10)));
            stops.add(new Stop(i, new StationId(UUID.randomUUID()), "Station " + i, new CityId(UUID.randomUUID()),
                    arrival, departure));
            t = (departure == null ? t : departure).plus(Duration.ofHours(1));
        }
        return stops;
    }

    static Map<SeatClass, Money> fares() {
        return Map.of(SeatClass.FIRST, Money.of("20.00", "EUR"), SeatClass.SECOND, Money.of("12.50", "EUR"));
    }

    static Trip trip(int stopCount) {
        return Trip.schedule(new TripId(UUID.randomUUID()), train(), stops(stopCount), fares(), NOW);
    }
}
