package io.ticketing.train;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.ticketing.platform.test.ServiceIntegrationTest;
import io.ticketing.train.application.port.in.CancelTripUseCase;
import io.ticketing.train.application.port.in.ReleaseSeatCommand;
import io.ticketing.train.application.port.in.ReleaseSeatUseCase;
import io.ticketing.train.application.port.in.ReserveSeatCommand;
import io.ticketing.train.application.port.in.ReserveSeatUseCase;
import io.ticketing.train.domain.model.RejectionReason;
import io.ticketing.train.domain.model.ReservationOutcome;
import io.ticketing.train.domain.model.SeatClass;
import io.ticketing.train.domain.model.SeatId;
import io.ticketing.train.domain.model.TicketId;
import io.ticketing.train.domain.model.TrainEvent.SeatReservationRejected;
import io.ticketing.train.domain.model.TrainEvent.SeatReserved;
import io.ticketing.train.domain.model.TripId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The reservation use case on real PostgreSQL, under real concurrency. */
@ServiceIntegrationTest
class SeatInventoryIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    ReserveSeatUseCase reserve;
    @Autowired
    ReleaseSeatUseCase release;
    @Autowired
    CancelTripUseCase cancelTrip;
    @Autowired
    JdbcClient jdbc;

    CatalogFixture catalog;

    @BeforeEach
    void fixture() {
        catalog = new CatalogFixture(context);
    }

    private ReservationOutcome reserve(TicketId ticket, CatalogFixture.Setup setup, int from, int to,
            @Nullable SeatId seat, @Nullable SeatClass seatClass) {
        return reserve.reserveSeat(new ReserveSeatCommand(ticket, setup.tripId(), setup.station(from),
                setup.station(to), seat, seatClass));
    }

    private static TicketId newTicket() {
        return new TicketId(UUID.randomUUID());
    }

    private List<ReservationOutcome> concurrently(int attempts, java.util.function.Supplier<ReservationOutcome> attempt)
            throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ReservationOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                futures.add(executor.submit(attempt::get));
            }
            List<ReservationOutcome> outcomes = new ArrayList<>();
            for (Future<ReservationOutcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        }
    }

    private static RejectionReason reason(ReservationOutcome outcome) {
        return ((SeatReservationRejected) outcome).reason();
    }

    @Test
    void onlyOneOf200ConcurrentRequestsForTheSameSeatAndSegmentWins() throws Exception {
        CatalogFixture.Setup setup = catalog.trip(3, 0, 10);
        SeatId seat = setup.seat("2-1");

        List<ReservationOutcome> outcomes = concurrently(200,
                () -> reserve(newTicket(), setup, 0, 2, seat, null));

        assertThat(outcomes).filteredOn(SeatReserved.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(SeatReservationRejected.class::isInstance).hasSize(199)
                .allSatisfy(o -> assertThat(reason(o)).isEqualTo(RejectionReason.SEAT_TAKEN));
        assertThat(jdbc.sql("SELECT count(*) FROM seat_reservation WHERE trip_id = ? AND seat_id = ?")
                .params(setup.trip().id(), seat.value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void overlappingSegmentsConflictAndAdjacentOnesDoNot() {
        CatalogFixture.Setup setup = catalog.trip(4, 0, 2);
        SeatId seat = setup.seat("2-1");
        TicketId firstHalf = newTicket();

        assertThat(reserve(firstHalf, setup, 0, 2, seat, null)).isInstanceOf(SeatReserved.class);
        assertThat(reason(reserve(newTicket(), setup, 1, 3, seat, null))).isEqualTo(RejectionReason.SEAT_TAKEN);
        assertThat(reason(reserve(newTicket(), setup, 0, 1, seat, null))).isEqualTo(RejectionReason.SEAT_TAKEN);
        assertThat(reserve(newTicket(), setup, 2, 3, seat, null)).isInstanceOf(SeatReserved.class);
        // the other seat is untouched
        assertThat(reserve(newTicket(), setup, 0, 3, setup.seat("2-2"), null)).isInstanceOf(SeatReserved.class);

        release.releaseSeat(new ReleaseSeatCommand(firstHalf, ReleaseSeatCommand.Cause.CANCELLED));
        assertThat(reserve(newTicket(), setup, 1, 2, seat, null)).isInstanceOf(SeatReserved.class);
    }

    @Test
    void fiveHundredConcurrentClassRequestsFillExactlyTheHundredSeats() throws Exception {
        CatalogFixture.Setup setup = catalog.trip(3, 0, 100);

        List<ReservationOutcome> outcomes = concurrently(500,
                () -> reserve(newTicket(), setup, 0, 2, null, SeatClass.SECOND));

        assertThat(outcomes).filteredOn(SeatReserved.class::isInstance).hasSize(100);
        assertThat(outcomes).filteredOn(SeatReservationRejected.class::isInstance).hasSize(400)
                .allSatisfy(o -> assertThat(reason(o)).isEqualTo(RejectionReason.NO_SEAT_IN_CLASS));
        UUID trip = setup.trip().id();
        assertThat(jdbc.sql("SELECT count(DISTINCT seat_id) FROM seat_reservation WHERE trip_id = ?")
                .param(trip).query(Long.class).single()).isEqualTo(100);
        // no seat is held twice for any stop range
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM seat_reservation a JOIN seat_reservation b
                          ON a.trip_id = b.trip_id AND a.seat_id = b.seat_id AND a.ticket_id <> b.ticket_id
                         AND a.stops && b.stops
                        WHERE a.trip_id = ?""")
                .param(trip).query(Long.class).single()).isZero();
    }

    @Test
    void automaticChoiceFillsTheGapNextToASoldSegment() {
        CatalogFixture.Setup setup = catalog.trip(3, 0, 20);
        SeatReserved first = (SeatReserved) reserve(newTicket(), setup, 0, 1, null, SeatClass.SECOND);

        SeatReserved second = (SeatReserved) reserve(newTicket(), setup, 1, 2, null, SeatClass.SECOND);

        assertThat(second.seat()).isEqualTo(first.seat());
    }

    @Test
    void pricesTheSegmentAndAnswersARepeatedRequestWithTheSameSeat() {
        CatalogFixture.Setup setup = catalog.trip(4, 2, 2);
        TicketId ticket = newTicket();

        SeatReserved reserved = (SeatReserved) reserve(ticket, setup, 1, 3, null, SeatClass.FIRST);
        SeatReserved again = (SeatReserved) reserve(ticket, setup, 1, 3, null, SeatClass.FIRST);

        assertThat(reserved.price().amountText()).isEqualTo("40.00");
        assertThat(reserved.from().stationName()).isEqualTo(setup.stations().get(1).name());
        assertThat(reserved.to().index()).isEqualTo(3);
        assertThat(again.seat()).isEqualTo(reserved.seat());
        assertThat(jdbc.sql("SELECT count(*) FROM seat_reservation WHERE ticket_id = ?").param(ticket.value())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void refusesWithAReason() {
        CatalogFixture.Setup setup = catalog.trip(3, 0, 1);

        assertThat(reason(reserve(newTicket(), setup, 2, 0, null, SeatClass.SECOND)))
                .isEqualTo(RejectionReason.INVALID_SEGMENT);
        assertThat(reason(reserve(newTicket(), setup, 0, 1, null, SeatClass.FIRST)))
                .isEqualTo(RejectionReason.NO_SEAT_IN_CLASS);
        assertThat(reason(reserve(newTicket(), setup, 0, 1, new SeatId(UUID.randomUUID()), null)))
                .isEqualTo(RejectionReason.SEAT_NOT_FOUND);
        assertThat(reason(reserve.reserveSeat(new ReserveSeatCommand(newTicket(), new TripId(UUID.randomUUID()),
                setup.station(0), setup.station(1), null, SeatClass.SECOND))))
                .isEqualTo(RejectionReason.TRIP_NOT_FOUND);

        TicketId closed = newTicket();
        release.releaseSeat(new ReleaseSeatCommand(closed, ReleaseSeatCommand.Cause.EXPIRED));
        assertThat(reason(reserve(closed, setup, 0, 1, null, SeatClass.SECOND)))
                .isEqualTo(RejectionReason.TICKET_CLOSED);

        cancelTrip.cancelTrip(setup.tripId());
        assertThat(reason(reserve(newTicket(), setup, 0, 1, null, SeatClass.SECOND)))
                .isEqualTo(RejectionReason.TRIP_CANCELLED);
        assertThat(jdbc.sql("SELECT count(*) FROM seat_reservation WHERE trip_id = ?").param(setup.trip().id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void releasingTwiceFreesOnce() {
        CatalogFixture.Setup setup = catalog.trip(2, 0, 1);
        TicketId ticket = newTicket();
        reserve(ticket, setup, 0, 1, null, SeatClass.SECOND);

        release.releaseSeat(new ReleaseSeatCommand(ticket, ReleaseSeatCommand.Cause.CANCELLED));
        release.releaseSeat(new ReleaseSeatCommand(ticket, ReleaseSeatCommand.Cause.CANCELLED));

        assertThat(jdbc.sql("""
                        SELECT count(*) FROM outbox_message
                        WHERE subject = 'trains.events.SeatReleased'
                        AND position(? IN encode(payload, 'escape')) > 0""")
                .param(ticket.toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(reserve(newTicket(), setup, 0, 1, null, SeatClass.SECOND)).isInstanceOf(SeatReserved.class);
    }

}
