package io.ticketing.train;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.ticketing.train.application.port.in.CityView;
import io.ticketing.train.application.port.in.CreateCityCommand;
import io.ticketing.train.application.port.in.CreateCityUseCase;
import io.ticketing.train.application.port.in.CreateStationCommand;
import io.ticketing.train.application.port.in.CreateStationUseCase;
import io.ticketing.train.application.port.in.CreateTrainCommand;
import io.ticketing.train.application.port.in.CreateTrainUseCase;
import io.ticketing.train.application.port.in.ScheduleTripCommand;
import io.ticketing.train.application.port.in.ScheduleTripUseCase;
import io.ticketing.train.application.port.in.StationView;
import io.ticketing.train.application.port.in.TrainView;
import io.ticketing.train.application.port.in.TripView;
import io.ticketing.train.domain.model.SeatClass;
import io.ticketing.train.domain.model.SeatId;
import io.ticketing.train.domain.model.StationId;
import io.ticketing.train.domain.model.TripId;
import org.springframework.context.ApplicationContext;

/**
 * Builds catalog data through the real use cases: one city and station per stop, a train of its own (so
 * trips never collide) and a trip with one-hour legs, fares FIRST 20.00 / SECOND 12.50 EUR per leg.
 */
public final class CatalogFixture {

    /** Always years ahead, so the trips stay bookable whenever the tests run. */
    public static final Instant DEPARTURE = LocalDate.now(ZoneOffset.UTC).plusYears(5).withMonth(3).withDayOfMonth(14)
            .atTime(8, 0).toInstant(ZoneOffset.UTC);

    private final CreateCityUseCase cities;
    private final CreateStationUseCase stations;
    private final CreateTrainUseCase trains;
    private final ScheduleTripUseCase trips;

    public CatalogFixture(ApplicationContext context) {
        this.cities = context.getBean(CreateCityUseCase.class);
        this.stations = context.getBean(CreateStationUseCase.class);
        this.trains = context.getBean(CreateTrainUseCase.class);
        this.trips = context.getBean(ScheduleTripUseCase.class);
    }

    public record Setup(TripView trip, TrainView train, List<CityView> cities, List<StationView> stations) {

        public TripId tripId() {
            return new TripId(trip.id());
        }

        public StationId station(int index) {
            return new StationId(stations.get(index).id());
        }

        public SeatId seat(String label) {
            return train.wagons().stream().flatMap(w -> w.seats().stream())
                    .filter(s -> s.number().equals(label)).findFirst()
                    .map(s -> new SeatId(s.id())).orElseThrow();
        }
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    public CityView city() {
        return cities.createCity(new CreateCityCommand(unique("City"), "Testland"));
    }

    public StationView station(CityView city) {
        return stations.createStation(new CreateStationCommand("Central " + city.name(), city.id().toString(),
                unique("S")));
    }

    public TrainView train(List<CreateTrainCommand.Wagon> wagons) {
        return trains.createTrain(new CreateTrainCommand(unique("T"), "Test train", wagons));
    }

    /** A trip of a one-wagon train (two SECOND seats) calling at the given stations, from {@link #DEPARTURE}. */
    public TripView tripThrough(List<StationView> calls) {
        TrainView train = train(List.of(new CreateTrainCommand.Wagon(2, SeatClass.SECOND, 2)));
        return trips.scheduleTrip(new ScheduleTripCommand(train.id().toString(), stopPlans(calls, DEPARTURE),
                List.of(new ScheduleTripCommand.FarePlan(SeatClass.SECOND, "12.50", "EUR"))));
    }

    /** Wagon 1 FIRST with {@code firstSeats} (none when 0) and wagon 2 SECOND with {@code secondSeats}. */
    public Setup trip(int stopCount, int firstSeats, int secondSeats) {
        List<CreateTrainCommand.Wagon> wagons = new ArrayList<>();
        List<ScheduleTripCommand.FarePlan> fares = new ArrayList<>();
        if (firstSeats > 0) {
            wagons.add(new CreateTrainCommand.Wagon(1, SeatClass.FIRST, firstSeats));
            fares.add(new ScheduleTripCommand.FarePlan(SeatClass.FIRST, "20.00", "EUR"));
        }
        wagons.add(new CreateTrainCommand.Wagon(2, SeatClass.SECOND, secondSeats));
        fares.add(new ScheduleTripCommand.FarePlan(SeatClass.SECOND, "12.50", "EUR"));
        TrainView train = train(wagons);
        List<CityView> tripCities = new ArrayList<>();
        List<StationView> tripStations = new ArrayList<>();
        for (int i = 0; i < stopCount; i++) {
            CityView city = city();
            tripCities.add(city);
            tripStations.add(station(city));
        }
        TripView trip = trips.scheduleTrip(new ScheduleTripCommand(train.id().toString(),
                stopPlans(tripStations, DEPARTURE), fares));
        return new Setup(trip, train, tripCities, tripStations);
    }

    public static List<ScheduleTripCommand.StopPlan> stopPlans(List<StationView> stations, Instant departure) {
        List<ScheduleTripCommand.StopPlan> plans = new ArrayList<>();
        for (int i = 0; i < stations.size(); i++) {
            Instant arrival = departure.plus(Duration.ofMinutes(70L * i - 10));
            Instant leaving = departure.plus(Duration.ofMinutes(70L * i));
            plans.add(new ScheduleTripCommand.StopPlan(stations.get(i).id().toString(), i == 0 ? null : arrival,
                    i == stations.size() - 1 ? null : leaving));
        }
        return plans;
    }
}
