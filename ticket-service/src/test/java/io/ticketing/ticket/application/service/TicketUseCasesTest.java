package io.ticketing.ticket.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.ticketing.ticket.application.port.in.BookTicketCommand;
import io.ticketing.ticket.application.port.in.CancelTicketCommand;
import io.ticketing.ticket.application.port.in.ConfirmTicketCommand;
import io.ticketing.ticket.domain.model.SeatClass;
import io.ticketing.ticket.domain.model.TicketEvent;
import io.ticketing.ticket.domain.model.TicketId;
import io.ticketing.ticket.domain.model.TicketMother;
import io.ticketing.ticket.domain.model.TicketNotFound;
import io.ticketing.ticket.domain.model.TicketStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketUseCasesTest {

    private static final UUID USER = UUID.randomUUID();

    private final InMemoryTickets tickets = new InMemoryTickets();
    private final Clock clock = Clock.fixed(TicketMother.NOW, ZoneOffset.UTC);
    private final List<TicketId> broadcast = new ArrayList<>();
    private final TicketWaiters waiters = new TicketWaiters(broadcast::add);
    private final BookTicketService booking = new BookTicketService(tickets, tickets, waiters, clock,
            Duration.ofSeconds(30));
    private final SettleReservationService settlement = new SettleReservationService(tickets, tickets, waiters, clock);
    private final CancelTicketService cancellation = new CancelTicketService(tickets, tickets, waiters, clock);
    private final ExpireTicketsService expiry = new ExpireTicketsService(tickets, tickets, waiters,
            Clock.offset(clock, Duration.ofSeconds(30)));

    private static BookTicketCommand command(TicketId id, String hash, String passenger) {
        return new BookTicketCommand(id, USER, hash, TicketMother.TRIP.toString(), TicketMother.FROM.toString(),
                TicketMother.TO.toString(), "", SeatClass.SECOND, passenger);
    }

    @Test
    void theSameCommandTwiceMakesOneTicketAndOneRequest() {
        TicketId id = new TicketId(UUID.randomUUID());

        booking.book(command(id, "h1", "Ada"));
        booking.book(command(id, "h1", "Ada"));

        assertThat(tickets.stored).hasSize(1);
        assertThat(tickets.published).singleElement().isInstanceOf(TicketEvent.Requested.class);
    }

    @Test
    void anotherBodyUnderTheSameKeyIsIgnored() {
        TicketId id = new TicketId(UUID.randomUUID());
        booking.book(command(id, "h1", "Ada"));

        booking.book(command(id, "h2", "Eve"));

        assertThat(tickets.stored.get(id).request().passengerName()).isEqualTo("Ada");
        assertThat(tickets.published).hasSize(1);
    }

    @Test
    void readersAreWokenWhenTheTicketSettlesNotWhenItIsCreatedPending() {
        TicketId id = new TicketId(UUID.randomUUID());

        booking.book(command(id, "h1", "Ada"));
        assertThat(broadcast).as("a long poll waits for the outcome; PENDING is no news").isEmpty();

        settlement.confirm(new ConfirmTicketCommand(id, TicketMother.booking()));
        assertThat(broadcast).containsExactly(id);
    }

    @Test
    void aTicketRejectedAtOnceWakesItsReaders() {
        TicketId id = new TicketId(UUID.randomUUID());

        booking.book(command(id, "h1", ""));

        assertThat(broadcast).containsExactly(id);
    }

    @Test
    void anInvalidCommandBecomesARejectedTicket() {
        TicketId id = new TicketId(UUID.randomUUID());

        booking.book(command(id, "h1", ""));

        assertThat(tickets.status(id)).isEqualTo(TicketStatus.REJECTED);
        assertThat(tickets.stored.get(id).rejection().reason()).isEqualTo("INVALID_REQUEST");
        assertThat(tickets.published).singleElement().isInstanceOf(TicketEvent.Rejected.class);
    }

    @Test
    void onlyTheOwnerOrAnAdminCancels() {
        TicketId id = new TicketId(UUID.randomUUID());
        booking.book(command(id, "h1", "Ada"));

        assertThat(cancellation.cancel(new CancelTicketCommand(id, UUID.randomUUID(), false))).isFalse();
        assertThat(tickets.status(id)).isEqualTo(TicketStatus.PENDING);
        assertThat(cancellation.cancel(new CancelTicketCommand(id, USER, false))).isTrue();
        assertThat(tickets.status(id)).isEqualTo(TicketStatus.CANCELLED);
    }

    @Test
    void cancellingATicketNotStoredYetFailsSoTheCommandIsRetried() {
        TicketId id = new TicketId(UUID.randomUUID());

        assertThatThrownBy(() -> cancellation.cancel(new CancelTicketCommand(id, USER, false)))
                .isInstanceOf(TicketNotFound.class);
        assertThat(tickets.published).isEmpty();
    }

    @Test
    void cancellingASettledTicketIsRefusedWithoutFailingTheCommand() {
        TicketId id = new TicketId(UUID.randomUUID());
        booking.book(command(id, "h1", "Ada"));
        cancellation.cancel(new CancelTicketCommand(id, USER, false));

        assertThat(cancellation.cancel(new CancelTicketCommand(id, USER, false))).isFalse();
        assertThat(tickets.published).filteredOn(TicketEvent.Cancelled.class::isInstance).hasSize(1);
    }

    @Test
    void expiryTakesOnlyTicketsPastTheirDeadlineAndALateSeatIsReleased() {
        TicketId id = new TicketId(UUID.randomUUID());
        booking.book(command(id, "h1", "Ada"));

        assertThat(expiry.expireDue(10)).isEqualTo(1);
        settlement.confirm(new ConfirmTicketCommand(id, TicketMother.booking()));

        assertThat(tickets.status(id)).isEqualTo(TicketStatus.EXPIRED);
        assertThat(tickets.published).last().isInstanceOf(TicketEvent.SeatReleaseRequested.class);
    }

    @Test
    void aCancelledTripCancelsItsStandingTickets() {
        TicketId confirmed = new TicketId(UUID.randomUUID());
        TicketId pending = new TicketId(UUID.randomUUID());
        booking.book(command(confirmed, "h1", "Ada"));
        booking.book(command(pending, "h2", "Bob"));
        settlement.confirm(new ConfirmTicketCommand(confirmed, TicketMother.booking()));

        assertThat(cancellation.cancelTrip(TicketMother.TRIP)).isEqualTo(2);
        assertThat(cancellation.cancelTrip(TicketMother.TRIP)).isZero();

        assertThat(tickets.status(confirmed)).isEqualTo(TicketStatus.CANCELLED);
        assertThat(tickets.status(pending)).isEqualTo(TicketStatus.CANCELLED);
    }
}
