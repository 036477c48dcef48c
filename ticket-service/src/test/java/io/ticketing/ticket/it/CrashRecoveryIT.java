package io.ticketing.ticket.it;

import java.util.UUID;

import io.ticketing.proto.events.v1.TicketBooked;
import io.ticketing.ticket.domain.model.TicketId;
import io.ticketing.ticket.support.CrashBeforeCommit;
import io.ticketing.ticket.support.SagaTestKit;
import io.ticketing.ticket.support.TicketServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@TicketServiceIntegrationTest
class CrashRecoveryIT extends SagaTestKit {

    @Autowired
    private CrashBeforeCommit crash;

    @Test
    void aCrashBetweenHandlingSeatReservedAndCommittingConfirmsExactlyOnceAfterRedelivery() {
        UUID user = UUID.randomUUID();
        Booking booking = bookPending(user);
        crash.arm(new TicketId(booking.ticketId()));
        int crashesBefore = crash.crashes();

        trainReserves(booking, DEPARTURE);

        awaitStatus(user, booking.ticketId(), "CONFIRMED");
        assertThat(crash.crashes()).isEqualTo(crashesBefore + 1);
        awaitOutboxDrained();
        assertThat(outboxRows("tickets.events.TicketBooked", booking.ticketId())).isEqualTo(1);
        assertThat(ticketEvents(TicketBooked.getDefaultInstance(), booking.ticketId())).hasSize(1);
    }

    private long outboxRows(String subject, UUID ticketId) {
        return jdbc().sql("SELECT payload FROM outbox_message WHERE subject = ?").param(subject)
                .query((rs, n) -> parse(TicketBooked.getDefaultInstance(), rs.getBytes(1)))
                .list().stream()
                .filter(e -> e.getTicketId().equals(ticketId.toString()))
                .count();
    }
}
