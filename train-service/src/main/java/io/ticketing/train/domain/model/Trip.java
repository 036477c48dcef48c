package io.ticketing.train.domain.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.ticketing.platform.error.DomainProblem;
import org.jspecify.annotations.Nullable;

/**
 * A train running along ordered stops, with a fare per class for each leg between consecutive stops.
 * Its invariants (>= 2 stops, times strictly increasing, no station twice, a fare for exactly the train's
 * classes in one currency) hold from {@link #schedule} on.
 */
public record Trip(TripId id, TrainId trainId, String trainNumber, TripStatus status, List<Stop> stops,
        Map<SeatClass, Money> fares) {

    /** Timetables end where four-digit years do (and where the database's timestamps still hold). */
    static final Instant END_OF_TIMETABLES = Instant.parse("+10000-01-01T00:00:00Z");

    public Trip {
        stops = List.copyOf(stops);
        fares = Map.copyOf(fares);
    }

    /** Validates an operator's plan for {@code train} at {@code now}; throws 422 problems naming the broken rule. */
    public static Trip schedule(TripId id, Train train, List<Stop> stops, Map<SeatClass, Money> fares, Instant now) {
        checkStops(stops);
        checkFares(train, fares);
        Trip trip = new Trip(id, train.id(), train.number(), TripStatus.SCHEDULED, stops, fares);
        if (!now.isBefore(trip.departure())) {
            throw DomainProblem.ruleViolated("TRIP_IN_PAST", "A trip must depart in the future");
        }
        return trip;
    }

    private static void checkStops(List<Stop> stops) {
        if (stops.size() < 2) {
            throw DomainProblem.ruleViolated("TOO_FEW_STOPS", "A trip needs at least two stops");
        }
        Set<StationId> seen = new HashSet<>();
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < stops.size(); i++) {
            Stop stop = stops.get(i);
            if (stop.index() != i) {
                throw new IllegalArgumentException("Stops must be indexed 0..n-1 in order");
            }
            if (!seen.add(stop.stationId())) {
                throw DomainProblem.ruleViolated("STATION_TWICE",
                        "Station " + stop.stationName() + " appears twice in the trip");
            }
            boolean first = i == 0;
            boolean last = i == stops.size() - 1;
            if (first != (stop.arrival() == null) || last != (stop.departure() == null)) {
                throw DomainProblem.ruleViolated("STOP_TIMES",
                        "Every stop needs an arrival except the first and a departure except the last");
            }
            addIfPresent(times, stop.arrival());
            addIfPresent(times, stop.departure());
        }
        if (times.stream().anyMatch(time -> !time.isBefore(END_OF_TIMETABLES))) {
            throw DomainProblem.invalid("stops", "times must be before " + END_OF_TIMETABLES);
        }
        for (int i = 1; i < times.size(); i++) {
            if (!times.get(i).isAfter(times.get(i - 1))) {
                throw DomainProblem.ruleViolated("TIMES_NOT_INCREASING",
                        "Arrival and departure times must strictly increase along the stops");
            }
        }
    }

    private static void addIfPresent(List<Instant> times, @Nullable Instant time) {
        if (time != null) {
            times.add(time);
        }
    }

    private static void checkFares(Train train, Map<SeatClass, Money> fares) {
        if (!fares.keySet().equals(train.seatClasses())) {
            throw DomainProblem.ruleViolated("FARES_MISMATCH",
                    "Fares must be given for exactly the train's classes " + train.seatClasses());
        }
        if (fares.values().stream().map(Money::currency).distinct().count() > 1) {
            throw DomainProblem.ruleViolated("MIXED_CURRENCIES", "All fares of a trip must use one currency");
        }
    }

    public Instant departure() {
        return Objects.requireNonNull(stops.getFirst().departure());
    }

    public Instant arrival() {
        return Objects.requireNonNull(stops.getLast().arrival());
    }

    public Stop stop(int index) {
        return stops.get(index);
    }

    /** The segment from one station to a later one on this trip, if both are stops in that order. */
    public Optional<Segment> segment(StationId from, StationId to) {
        int fromIndex = indexOf(from);
        int toIndex = indexOf(to);
        return fromIndex >= 0 && toIndex > fromIndex ? Optional.of(new Segment(fromIndex, toIndex)) : Optional.empty();
    }

    private int indexOf(StationId station) {
        for (Stop stop : stops) {
            if (stop.stationId().equals(station)) {
                return stop.index();
            }
        }
        return -1;
    }

    public int lastStopIndex() {
        return stops.size() - 1;
    }

    /**
     * An operator cancels a trip before it departs: afterwards its travellers are on board or have arrived, and
     * cancelling would cancel (and refund) tickets already used.
     */
    public void checkCancellable(Instant now) {
        if (status != TripStatus.CANCELLED && !now.isBefore(departure())) {
            throw DomainProblem.ruleViolated("TRIP_DEPARTED",
                    "Trip " + id + " departed at " + departure() + "; only an upcoming trip can be cancelled");
        }
    }

    /** Why {@code segment} cannot be reserved at {@code now}, if it cannot. */
    public Optional<RejectionReason> refusesReservation(Segment segment, Instant now) {
        if (status == TripStatus.CANCELLED) {
            return Optional.of(RejectionReason.TRIP_CANCELLED);
        }
        if (segment.to() > lastStopIndex()) {
            return Optional.of(RejectionReason.INVALID_SEGMENT);
        }
        Instant departure = Objects.requireNonNull(stop(segment.from()).departure());
        if (!now.isBefore(departure)) {
            return Optional.of(RejectionReason.TRIP_DEPARTED);
        }
        return Optional.empty();
    }

    /** Sum of the class's leg fares over the segment; empty when the trip has no such class. */
    public Optional<Money> price(SeatClass seatClass, Segment segment) {
        return Optional.ofNullable(fares.get(seatClass)).map(fare -> fare.times(segment.legs()));
    }

    public Map<SeatClass, Money> faresInClassOrder() {
        Map<SeatClass, Money> ordered = new EnumMap<>(SeatClass.class);
        ordered.putAll(fares);
        return ordered;
    }
}
