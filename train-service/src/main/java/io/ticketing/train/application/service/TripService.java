package io.ticketing.train.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.messaging.Ids;
import io.ticketing.train.application.port.in.CancelTripUseCase;
import io.ticketing.train.application.port.in.ScheduleTripCommand;
import io.ticketing.train.application.port.in.ScheduleTripUseCase;
import io.ticketing.train.application.port.in.TripView;
import io.ticketing.train.application.port.out.StationRepository;
import io.ticketing.train.application.port.out.TrainEventPublisher;
import io.ticketing.train.application.port.out.TrainRepository;
import io.ticketing.train.application.port.out.TripRepository;
import io.ticketing.train.domain.model.Station;
import io.ticketing.train.domain.model.StationId;
import io.ticketing.train.domain.model.Stop;
import io.ticketing.train.domain.model.Train;
import io.ticketing.train.domain.model.TrainEvent;
import io.ticketing.train.domain.model.Trip;
import io.ticketing.train.domain.model.TripId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class TripService implements ScheduleTripUseCase, CancelTripUseCase {

    private final TrainRepository trains;
    private final StationRepository stations;
    private final TripRepository trips;
    private final TrainEventPublisher events;
    private final Clock clock;

    TripService(TrainRepository trains, StationRepository stations, TripRepository trips, TrainEventPublisher events,
            Clock clock) {
        this.trains = trains;
        this.stations = stations;
        this.trips = trips;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public TripView scheduleTrip(ScheduleTripCommand command) {
        Instant now = clock.instant();
        Train train = trains.find(command.train())
                .orElseThrow(() -> DomainProblem.notFound("Unknown train " + command.trainId()));
        List<StationId> stationIds = command.stationIds();
        Map<StationId, Station> known = stations.findAll(stationIds).stream()
                .collect(Collectors.toMap(Station::id, Function.identity()));
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i < stationIds.size(); i++) {
            Station station = known.get(stationIds.get(i));
            if (station == null) {
                throw DomainProblem.notFound("Unknown station " + stationIds.get(i));
            }
            ScheduleTripCommand.StopPlan plan = command.stops().get(i);
            stops.add(new Stop(i, station.id(), station.name(), station.cityId(), plan.arrival(), plan.departure()));
        }
        Trip trip = Trip.schedule(new TripId(Ids.newId()), train, stops, command.fareMap(), now);
        if (!trips.add(trip)) {
            throw DomainProblem.ruleViolated("TRAIN_BUSY",
                    "Train " + train.number() + " already runs a trip overlapping this one");
        }
        events.publish(new TrainEvent.TripScheduled(trip, now));
        return TripView.of(trip);
    }

    @Override
    public TripView cancelTrip(TripId tripId) {
        Trip trip = trips.find(tripId).orElseThrow(() -> DomainProblem.notFound("Unknown trip " + tripId));
        trip.checkCancellable(clock.instant());
        if (trips.markCancelled(tripId)) {
            events.publish(new TrainEvent.TripCancelled(tripId, trip.trainNumber(), clock.instant()));
        }
        return TripView.of(trips.find(tripId).orElseThrow());
    }
}
