package io.ticketing.train.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.ProblemKind;
import org.junit.jupiter.api.Test;

import static io.ticketing.train.domain.model.TripMother.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TripTest {

    private static final Train TRAIN = TripMother.train();

    private static Trip schedule(List<Stop> stops, Map<SeatClass, Money> fares) {
        return Trip.schedule(new TripId(UUID.randomUUID()), TRAIN, stops, fares, NOW);
    }

    private static void assertRuleViolated(Runnable action, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainProblem.class, p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.RULE_VIOLATED);
            assertThat(p.code()).isEqualTo(code);
        });
    }

    @Test
    void schedulesAValidTrip() {
        Trip trip = schedule(TripMother.stops(3), TripMother.fares());

        assertThat(trip.status()).isEqualTo(TripStatus.SCHEDULED);
        assertThat(trip.departure()).isEqualTo(TripMother.FIRST_DEPARTURE);
        assertThat(trip.arrival()).isEqualTo(trip.stops().getLast().arrival());
        assertThat(trip.trainNumber()).isEqualTo("ICE 1");
    }

    @Test
    void refusesASingleStop() {
        List<Stop> one = List.of(new Stop(0, new StationId(UUID.randomUUID()), "A", new CityId(UUID.randomUUID()),
                null, null));
        assertRuleViolated(() -> schedule(one, TripMother.fares()), "TOO_FEW_STOPS");
    }

    @Test
    void refusesTimesThatDoNotStrictlyIncrease() {
        List<Stop> stops = new ArrayList<>(TripMother.stops(3));
        Stop middle = stops.get(1);
        // leaves the middle station before arriving there
        stops.set(1, new Stop(1, middle.stationId(), middle.stationName(), middle.cityId(), middle.arrival(),
                middle.arrival().minus(Duration.ofMinutes(1))));
        assertRuleViolated(() -> schedule(stops, TripMother.fares()), "TIMES_NOT_INCREASING");

        // arrives at the next station exactly when leaving the previous one
        List<Stop> instant = new ArrayList<>(TripMother.stops(2));
        Stop last = instant.get(1);
        instant.set(1, new Stop(1, last.stationId(), last.stationName(), last.cityId(), instant.get(0).departure(),
                null));
        assertRuleViolated(() -> schedule(instant, TripMother.fares()), "TIMES_NOT_INCREASING");
    }

    @Test
    void refusesTimesBeyondTheLastTimetableYear() {
        List<Stop> stops = new ArrayList<>(TripMother.stops(2));
        Stop last = stops.get(1);
        stops.set(1, new Stop(1, last.stationId(), last.stationName(), last.cityId(),
                Instant.parse("+999999999-04-01T08:00:00Z"), null));
        assertThatThrownBy(() -> schedule(stops, TripMother.fares())).isInstanceOfSatisfying(DomainProblem.class,
                p -> assertThat(p.kind()).isEqualTo(ProblemKind.INVALID_INPUT));
    }

    @Test
    void refusesAStationTwice() {
        List<Stop> stops = new ArrayList<>(TripMother.stops(3));
        Stop last = stops.get(2);
        stops.set(2, new Stop(2, stops.get(0).stationId(), "again", last.cityId(), last.arrival(), null));
        assertRuleViolated(() -> schedule(stops, TripMother.fares()), "STATION_TWICE");
    }

    @Test
    void refusesMissingStopTimes() {
        List<Stop> stops = new ArrayList<>(TripMother.stops(3));
        Stop middle = stops.get(1);
        stops.set(1, new Stop(1, middle.stationId(), middle.stationName(), middle.cityId(), middle.arrival(), null));
        assertRuleViolated(() -> schedule(stops, TripMother.fares()), "STOP_TIMES");
    }

    @Test
    void needsAFareForExactlyTheTrainsClassesInOneCurrency() {
        assertRuleViolated(() -> schedule(TripMother.stops(2), Map.of(SeatClass.SECOND, Money.of("1", "EUR"))),
                "FARES_MISMATCH");
        assertRuleViolated(() -> schedule(TripMother.stops(2),
                Map.of(SeatClass.FIRST, Money.of("2", "EUR"), SeatClass.SECOND, Money.of("1", "CHF"))),
                "MIXED_CURRENCIES");
    }

    @Test
    void refusesATripThatAlreadyLeft() {
        List<Stop> stops = TripMother.stops(2);
        assertRuleViolated(() -> Trip.schedule(new TripId(UUID.randomUUID()), TRAIN, stops, TripMother.fares(),
                TripMother.FIRST_DEPARTURE), "TRIP_IN_PAST");
    }

    @Test
    void findsSegmentsOnlyForwardBetweenItsStations() {
        Trip trip = TripMother.trip(4);
        StationId a = trip.stop(0).stationId();
        StationId c = trip.stop(2).stationId();

        assertThat(trip.segment(a, c)).contains(new Segment(0, 2));
        assertThat(trip.segment(c, a)).isEmpty();
        assertThat(trip.segment(a, a)).isEmpty();
        assertThat(trip.segment(a, new StationId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void pricesASegmentAsTheSumOfItsLegFares() {
        Trip trip = TripMother.trip(4);

        assertThat(trip.price(SeatClass.SECOND, new Segment(0, 3))).contains(Money.of("37.50", "EUR"));
        assertThat(trip.price(SeatClass.FIRST, new Segment(1, 2))).contains(Money.of("20.00", "EUR"));
    }

    @Test
    void refusesReservationsOnceTheSegmentHasDepartedOrTheTripIsCancelled() {
        Trip trip = TripMother.trip(3);
        Segment later = new Segment(1, 2);

        assertThat(trip.refusesReservation(later, NOW)).isEmpty();
        // the train left the first stop, but not yet the second
        assertThat(trip.refusesReservation(new Segment(0, 1), trip.departure()))
                .contains(RejectionReason.TRIP_DEPARTED);
        assertThat(trip.refusesReservation(later, trip.departure())).isEmpty();

        Trip cancelled = new Trip(trip.id(), trip.trainId(), trip.trainNumber(), TripStatus.CANCELLED, trip.stops(),
                trip.fares());
        assertThat(cancelled.refusesReservation(later, NOW)).contains(RejectionReason.TRIP_CANCELLED);
    }

    @Test
    void anOperatorCancelsATripOnlyBeforeItDeparts() {
        Trip trip = TripMother.trip(3);
        trip.checkCancellable(NOW);
        trip.checkCancellable(trip.departure().minusSeconds(1));
        assertRuleViolated(() -> trip.checkCancellable(trip.departure()), "TRIP_DEPARTED");

        Trip cancelled = new Trip(trip.id(), trip.trainId(), trip.trainNumber(), TripStatus.CANCELLED, trip.stops(),
                trip.fares());
        cancelled.checkCancellable(trip.departure().plusSeconds(3600));
    }
}
