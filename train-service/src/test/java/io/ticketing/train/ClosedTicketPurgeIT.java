package io.ticketing.train;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.ticketing.platform.test.ServiceIntegrationTest;
import io.ticketing.train.application.port.in.PurgeClosedTicketsUseCase;
import io.ticketing.train.application.port.in.ReleaseSeatCommand;
import io.ticketing.train.application.port.in.ReleaseSeatUseCase;
import io.ticketing.train.application.port.in.ReserveSeatCommand;
import io.ticketing.train.application.port.in.ReserveSeatUseCase;
import io.ticketing.train.domain.model.RejectionReason;
import io.ticketing.train.domain.model.SeatClass;
import io.ticketing.train.domain.model.TicketId;
import io.ticketing.train.domain.model.TrainEvent.SeatReservationRejected;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purge of closed tickets on real PostgreSQL. Tickets are closed through the use case; only the time they
 * closed is moved into the past, as if the days had passed (the default retention is 35 days).
 */
@ServiceIntegrationTest
class ClosedTicketPurgeIT {

    private static final Duration RETENTION = Duration.ofDays(35);

    @Autowired
    ApplicationContext context;
    @Autowired
    PurgeClosedTicketsUseCase purge;
    @Autowired
    ReleaseSeatUseCase release;
    @Autowired
    ReserveSeatUseCase reserve;
    @Autowired
    JdbcClient jdbc;

    @Test
    void forgetsTicketsClosedLongerAgoThanTheRetentionAndStillRefusesTheOthers() {
        CatalogFixture.Setup setup = new CatalogFixture(context).trip(3, 0, 2);
        Instant now = Instant.now();
        TicketId longClosed = closed(now.minus(RETENTION).minus(Duration.ofDays(5)));
        TicketId justPastRetention = closed(now.minus(RETENTION).minus(Duration.ofHours(1)));
        TicketId withinRetention = closed(now.minus(RETENTION).plus(Duration.ofHours(1)));
        TicketId justClosed = closed(now);

        purgeEverythingDue();

        assertThat(remembered(longClosed)).isFalse();
        assertThat(remembered(justPastRetention)).isFalse();
        assertThat(remembered(withinRetention)).isTrue();
        assertThat(remembered(justClosed)).isTrue();
        for (TicketId stillClosed : List.of(withinRetention, justClosed)) {
            var outcome = reserve.reserveSeat(new ReserveSeatCommand(stillClosed, setup.tripId(), setup.station(0),
                    setup.station(1), null, SeatClass.SECOND));
            assertThat(((SeatReservationRejected) outcome).reason())
                    .as("a late request for a remembered ticket").isEqualTo(RejectionReason.TICKET_CLOSED);
        }
    }

    @Test
    void purgesABacklogInBatchesOfTheGivenSize() {
        Instant longAgo = Instant.now().minus(RETENTION).minus(Duration.ofDays(30));
        List<TicketId> tickets = IntStream.range(0, 5).mapToObj(i -> closed(longAgo)).toList();

        assertThat(purge.purgeBatch(2)).isEqualTo(2);
        assertThat(purge.purgeBatch(2)).isEqualTo(2);
        purgeEverythingDue();

        assertThat(tickets).noneMatch(this::remembered);
    }

    /** A ticket closed through the use case, then dated back to {@code closedAt}. */
    private TicketId closed(Instant closedAt) {
        TicketId ticket = new TicketId(UUID.randomUUID());
        release.releaseSeat(new ReleaseSeatCommand(ticket, ReleaseSeatCommand.Cause.EXPIRED));
        int updated = jdbc.sql("UPDATE closed_ticket SET closed_at = :at WHERE ticket_id = :ticket")
                .param("at", OffsetDateTime.ofInstant(closedAt, ZoneOffset.UTC))
                .param("ticket", ticket.value())
                .update();
        assertThat(updated).isOne();
        return ticket;
    }

    private boolean remembered(TicketId ticket) {
        return jdbc.sql("SELECT count(*) FROM closed_ticket WHERE ticket_id = :ticket").param("ticket", ticket.value())
                .query(Long.class).single() == 1;
    }

    private void purgeEverythingDue() {
        while (purge.purgeBatch(100) > 0) {
            // until nothing is due
        }
    }
}
