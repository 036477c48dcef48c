package io.ticketing.ticket.adapter.out.persistence;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import io.ticketing.ticket.application.port.in.TicketPage;
import io.ticketing.ticket.application.port.out.TicketRepository;
import io.ticketing.ticket.domain.model.CancellationCause;
import io.ticketing.ticket.domain.model.Ticket;
import io.ticketing.ticket.domain.model.TicketId;
import io.ticketing.ticket.domain.model.TicketMother;
import io.ticketing.ticket.domain.model.TicketRequest;
import io.ticketing.ticket.domain.model.TicketStatus;
import io.ticketing.ticket.support.TicketServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ticket table against real PostgreSQL: round trips, optimistic and row locking, paging. */
@TicketServiceIntegrationTest
class TicketPersistenceAdapterIT {

    /** Far enough ahead that the expiry job, running on the shared (movable) clock, never claims them. */
    private static final Duration FAR = Duration.ofDays(3650);
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @Autowired
    private TicketRepository tickets;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void storesEveryFieldOfANewTicketWithItsVersion() {
        Ticket confirmed = pending(UUID.randomUUID(), now())
                .seatReserved(TicketMother.booking(), now().plusSeconds(1)).ticket();

        tickets.add(confirmed);

        // version included: a new ticket is stored at the version it carries (0), as Hibernate stored it
        assertThat(tickets.findById(confirmed.id())).contains(confirmed);
    }

    @Test
    void anUpdateBumpsTheVersionAndAStaleOneChangesNothing() {
        Ticket pending = pending(UUID.randomUUID(), now());
        tickets.add(pending);
        Ticket confirmed = pending.seatReserved(TicketMother.booking(), now().plusSeconds(1)).ticket();

        tickets.update(confirmed);

        Ticket stored = tickets.findById(pending.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.status()).isEqualTo(TicketStatus.CONFIRMED);
        assertThat(stored.booking()).isEqualTo(TicketMother.booking());

        Ticket staleCancel = confirmed.cancel(CancellationCause.BY_TRAVELLER, now().plusSeconds(2)).ticket();
        assertThatThrownBy(() -> tickets.update(staleCancel)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(tickets.findById(pending.id())).contains(stored);
    }

    @Test
    void updatingAnUnknownTicketIsAConflict() {
        Ticket never = pending(UUID.randomUUID(), now());

        assertThatThrownBy(() -> tickets.update(never)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(tickets.findById(never.id())).isEmpty();
    }

    @Test
    void anUpdateWithoutABookingLeavesTheStoredBookingAlone() {
        Ticket confirmed = pending(UUID.randomUUID(), now())
                .seatReserved(TicketMother.booking(), now().plusSeconds(1)).ticket();
        tickets.add(confirmed);
        Instant later = now().plusSeconds(5);
        Ticket withoutBooking = new Ticket(confirmed.id(), confirmed.userId(), confirmed.requestHash(),
                confirmed.request(), TicketStatus.CANCELLED, null, null, confirmed.createdAt(), later,
                confirmed.expiresAt(), confirmed.version());

        tickets.update(withoutBooking);

        Ticket stored = tickets.findById(confirmed.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(TicketStatus.CANCELLED);
        assertThat(stored.updatedAt()).isEqualTo(later);
        assertThat(stored.booking()).isEqualTo(TicketMother.booking());
    }

    @Test
    void locksTheStandingTicketsOfATripAndOnlyThoseUntilTheTransactionEnds() {
        UUID trip = UUID.randomUUID();
        Ticket pending = pending(UUID.randomUUID(), now(), trip);
        Ticket confirmed = pending(UUID.randomUUID(), now(), trip)
                .seatReserved(TicketMother.booking(), now().plusSeconds(1)).ticket();
        Ticket cancelled = pending(UUID.randomUUID(), now(), trip)
                .cancel(CancellationCause.BY_TRAVELLER, now().plusSeconds(1)).ticket();
        Ticket otherTrip = pending(UUID.randomUUID(), now(), UUID.randomUUID());
        List.of(pending, confirmed, cancelled, otherTrip).forEach(tickets::add);

        transactions.executeWithoutResult(status -> {
            List<Ticket> standing = tickets.lockUnsettledOfTrip(trip);

            assertThat(standing).extracting(Ticket::id).containsExactlyInAnyOrder(pending.id(), confirmed.id());
            assertThat(lockedElsewhere(pending.id())).isTrue();
            assertThat(lockedElsewhere(confirmed.id())).isTrue();
            assertThat(lockedElsewhere(cancelled.id())).isFalse();
            assertThat(lockedElsewhere(otherTrip.id())).isFalse();
        });
        assertThat(lockedElsewhere(pending.id())).isFalse();
    }

    /** Whether another transaction (another connection) would have to wait to change the ticket. */
    private boolean lockedElsewhere(TicketId id) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                jdbc.sql("SELECT id FROM ticket WHERE id = :id FOR UPDATE NOWAIT").param("id", id.value())
                        .query().listOfRows();
                return false;
            } catch (DataAccessException e) {
                if (e.getMostSpecificCause() instanceof SQLException sql
                        && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                    return true;
                }
                throw e;
            }
        }).join();
    }

    @Test
    void pagesAUsersTicketsNewestFirstWithTheirTotal() {
        UUID user = UUID.randomUUID();
        Instant start = now();
        Ticket oldest = pending(user, start);
        Ticket middle = pending(user, start.plusSeconds(1));
        Ticket sameTimeAsMiddle = pending(user, start.plusSeconds(1));
        Ticket newest = pending(user, start.plusSeconds(2));
        List.of(middle, newest, oldest, sameTimeAsMiddle).forEach(tickets::add);
        tickets.add(pending(UUID.randomUUID(), start.plusSeconds(3)));
        // created at the same instant, the greater id comes first; PostgreSQL orders uuids as their text does
        // (UUID.compareTo compares signed halves)
        List<TicketId> tied = Stream.of(middle.id(), sameTimeAsMiddle.id())
                .sorted(Comparator.comparing(TicketId::toString).reversed())
                .toList();

        TicketPage first = tickets.findByUser(user, 0, 3);
        TicketPage second = tickets.findByUser(user, 1, 3);
        TicketPage beyond = tickets.findByUser(user, 2, 3);
        TicketPage all = tickets.findByUser(user, 0, 10);

        assertThat(ids(first)).containsExactly(newest.id(), tied.get(0), tied.get(1));
        assertThat(ids(second)).containsExactly(oldest.id());
        assertThat(beyond.items()).isEmpty();
        assertThat(ids(all)).containsExactly(newest.id(), tied.get(0), tied.get(1), oldest.id());
        assertThat(List.of(first, second, beyond, all)).extracting(TicketPage::totalItems).containsOnly(4L);
        assertThat(first.page()).isZero();
        assertThat(first.size()).isEqualTo(3);
        assertThat(tickets.findByUser(UUID.randomUUID(), 0, 3).totalItems()).isZero();
    }

    private static Ticket pending(UUID user, Instant createdAt) {
        return pending(user, createdAt, TicketMother.TRIP);
    }

    private static Ticket pending(UUID user, Instant createdAt, UUID trip) {
        TicketRequest request = TicketMother.request();
        return Ticket.request(new TicketId(UUID.randomUUID()), user, "hash", new TicketRequest(trip,
                request.fromStationId(), request.toStationId(), request.seatId(), request.seatClass(),
                request.passengerName()), createdAt, FAR).ticket();
    }

    /** Now as PostgreSQL stores it (microseconds), so a read ticket equals the written one. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static List<TicketId> ids(TicketPage page) {
        return page.items().stream().map(Ticket::id).toList();
    }
}
