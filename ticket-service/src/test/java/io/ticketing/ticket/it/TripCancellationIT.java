package io.ticketing.ticket.it;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.ticketing.ticket.application.port.in.CancelTicketUseCase;
import io.ticketing.ticket.application.port.in.ConfirmTicketCommand;
import io.ticketing.ticket.application.port.in.SettleReservationUseCase;
import io.ticketing.ticket.domain.model.TicketId;
import io.ticketing.ticket.domain.model.TicketMother;
import io.ticketing.ticket.support.SagaTestKit;
import io.ticketing.ticket.support.TicketServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A trip cancellation changes every standing ticket of the trip in one transaction; tickets that change meanwhile
 * (confirmed, expired, cancelled by their owner) must hold it up, not make it fail and be retried until it is
 * dead-lettered.
 */
@TicketServiceIntegrationTest
class TripCancellationIT extends SagaTestKit {

    @Autowired
    private CancelTicketUseCase cancellation;
    @Autowired
    private SettleReservationUseCase settlement;
    @Autowired
    private TransactionTemplate transactions;

    @Test
    void aTripCancellationWaitsForAConcurrentConfirmationInsteadOfFailingOnIt() throws Exception {
        UUID user = UUID.randomUUID();
        Booking first = bookPending(user);
        Booking second = bookPendingOn(user, first.tripId());
        CountDownLatch confirmed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> confirmation = threads.submit(() -> transactions.executeWithoutResult(status -> {
                settlement.confirm(new ConfirmTicketCommand(new TicketId(first.ticketId()), TicketMother.booking()));
                confirmed.countDown();
                awaitLatch(commit);
            }));
            awaitLatch(confirmed);
            Future<Integer> tripCancellation = threads.submit(() -> cancellation.cancelTrip(first.tripId()));
            await().atMost(PATIENCE).until(this::someoneWaitsForALock);
            commit.countDown();
            confirmation.get();

            assertThat(tripCancellation.get()).isEqualTo(2);
        }
        awaitStatus(user, first.ticketId(), "CANCELLED");
        awaitStatus(user, second.ticketId(), "CANCELLED");
    }

    private Booking bookPendingOn(UUID user, UUID trip) {
        Booking base = bookingFor(user);
        Booking booking = new Booking(base.ticketId(), user, trip, base.fromStationId(), base.toStationId(),
                base.command().toBuilder().setTripId(trip.toString()).build());
        publishBooking(user, booking.command(), booking.ticketId().toString());
        awaitStatus(user, booking.ticketId(), "PENDING");
        return booking;
    }

    private boolean someoneWaitsForALock() {
        return jdbc().sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock'""")
                .query(Long.class).single() > 0;
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The other transaction did not get there in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
