package io.ticketing.ticket.it;

import java.time.Duration;
import java.util.UUID;

import io.ticketing.proto.events.v1.SeatReleaseRequested;
import io.ticketing.proto.events.v1.TicketBooked;
import io.ticketing.proto.events.v1.TicketExpired;
import io.ticketing.ticket.support.SagaTestKit;
import io.ticketing.ticket.support.TicketServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@TicketServiceIntegrationTest
class ExpiryIT extends SagaTestKit {

    @Test
    void anUnansweredTicketExpiresAndALateSeatIsReleasedWithoutResurrectingIt() {
        UUID user = UUID.randomUUID();
        Booking booking = bookPending(user);

        // the deadline (30 s in the test config) passes; the job, running every 200 ms, notices
        clock.advance(Duration.ofSeconds(31));

        awaitStatus(user, booking.ticketId(), "EXPIRED");
        TicketExpired expired = awaitOneTicketEvent(TicketExpired.getDefaultInstance(), booking.ticketId());
        assertThat(expired.getUserId()).isEqualTo(user.toString());
        assertThat(expired.getTripId()).isEqualTo(booking.tripId().toString());

        trainReserves(booking, DEPARTURE);

        SeatReleaseRequested release = awaitOneTicketEvent(SeatReleaseRequested.getDefaultInstance(),
                booking.ticketId());
        assertThat(release.getTripId()).isEqualTo(booking.tripId().toString());
        assertThat(getTicket(user, booking.ticketId()).body().path("status").asString()).isEqualTo("EXPIRED");
        awaitOutboxDrained();
        assertThat(ticketEvents(TicketBooked.getDefaultInstance(), booking.ticketId())).isEmpty();
        assertThat(ticketEvents(TicketExpired.getDefaultInstance(), booking.ticketId())).hasSize(1);
    }
}
