package io.ticketing.ticket.it;

import java.time.Duration;
import java.util.UUID;

import io.ticketing.platform.messaging.Streams;
import io.ticketing.proto.events.v1.CancellationCause;
import io.ticketing.proto.events.v1.SeatReleaseRequested;
import io.ticketing.proto.events.v1.TicketCancelled;
import io.ticketing.ticket.support.SagaTestKit;
import io.ticketing.ticket.support.TicketServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@TicketServiceIntegrationTest
class CancellationIT extends SagaTestKit {

    private static final String COMMANDS = "ticket-service-commands";

    @Test
    void theOwnerCancelsAConfirmedTicketAndTheSeatIsHandedBack() {
        UUID user = UUID.randomUUID();
        Booking booking = bookConfirmed(user, DEPARTURE);

        publishCancel(user, false, booking.ticketId());

        awaitStatus(user, booking.ticketId(), "CANCELLED");
        TicketCancelled cancelled = awaitOneTicketEvent(TicketCancelled.getDefaultInstance(), booking.ticketId());
        assertThat(cancelled.getCause()).isEqualTo(CancellationCause.CANCELLATION_CAUSE_BY_TRAVELLER);
        assertThat(cancelled.getUserId()).isEqualTo(user.toString());
        assertThat(cancelled.getTrainNumber()).isEqualTo("ICE 101");
        assertThat(cancelled.getSeat().getNumber()).isEqualTo("3-12");
        assertThat(cancelled.getFrom().getStationName()).isEqualTo("Berlin Hbf");
        assertThat(cancelled.getTo().getStationName()).isEqualTo("Hamburg Hbf");
    }

    @Test
    void aPendingTicketCanBeCancelledAndItsLateSeatIsReleased() {
        UUID user = UUID.randomUUID();
        Booking booking = bookPending(user);

        publishCancel(user, false, booking.ticketId());
        awaitStatus(user, booking.ticketId(), "CANCELLED");
        trainReserves(booking, DEPARTURE);

        awaitOneTicketEvent(SeatReleaseRequested.getDefaultInstance(), booking.ticketId());
        assertThat(getTicket(user, booking.ticketId()).body().path("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void aCancellationThatOvertakesItsBookingTakesEffectOnceTheBookingIsStored() throws Exception {
        UUID user = UUID.randomUUID();
        Booking booking = bookingFor(user);

        publishCancel(user, false, booking.ticketId());
        awaitAllDelivered(Streams.COMMANDS, COMMANDS);
        publishBooking(user, booking.command(), booking.ticketId().toString());

        awaitStatus(user, booking.ticketId(), "CANCELLED");
    }

    @Test
    void anAdminCancelsAsOperatorButAnotherTravellerCannot() {
        UUID owner = UUID.randomUUID();
        Booking booking = bookConfirmed(owner, DEPARTURE);

        awaitProcessed(COMMANDS, publishCancel(UUID.randomUUID(), false, booking.ticketId()));
        assertThat(getTicket(owner, booking.ticketId()).body().path("status").asString()).isEqualTo("CONFIRMED");

        publishCancel(UUID.randomUUID(), true, booking.ticketId());
        awaitStatus(owner, booking.ticketId(), "CANCELLED");
        assertThat(awaitOneTicketEvent(TicketCancelled.getDefaultInstance(), booking.ticketId()).getCause())
                .isEqualTo(CancellationCause.CANCELLATION_CAUSE_BY_OPERATOR);
    }

    @Test
    void settledAndDepartedTicketsAreNotCancelled() {
        UUID user = UUID.randomUUID();
        Booking departed = bookConfirmed(user, clock.instant().minus(Duration.ofMinutes(1)));
        Booking rejected = bookPending(user);
        trainRejects(rejected, io.ticketing.proto.events.v1.RejectionReason.REJECTION_REASON_NO_SEAT_IN_CLASS);
        awaitStatus(user, rejected.ticketId(), "REJECTED");

        awaitProcessed(COMMANDS, publishCancel(user, false, departed.ticketId()));
        awaitProcessed(COMMANDS, publishCancel(user, false, rejected.ticketId()));

        assertThat(getTicket(user, departed.ticketId()).body().path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(getTicket(user, rejected.ticketId()).body().path("status").asString()).isEqualTo("REJECTED");
        awaitOutboxDrained();
        assertThat(ticketEvents(TicketCancelled.getDefaultInstance(), departed.ticketId())).isEmpty();
        assertThat(ticketEvents(TicketCancelled.getDefaultInstance(), rejected.ticketId())).isEmpty();
    }
}
