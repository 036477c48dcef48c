package io.ticketing.train.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.ticketing.platform.jdbc.JdbcValues;
import io.ticketing.platform.jdbc.TransactionLocks;
import io.ticketing.train.application.port.out.SeatInventory;
import io.ticketing.train.domain.model.SeatCandidate;
import io.ticketing.train.domain.model.SeatClass;
import io.ticketing.train.domain.model.SeatId;
import io.ticketing.train.domain.model.SeatReservation;
import io.ticketing.train.domain.model.Segment;
import io.ticketing.train.domain.model.TicketId;
import io.ticketing.train.domain.model.Trip;
import io.ticketing.train.domain.model.TripId;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seat reservations as rows {@code (ticket, trip, seat, int4range of stops)} under the exclusion constraint
 * {@code seat_reservation_no_overlap}: PostgreSQL itself refuses an overlapping row, so a reservation is an
 * insert that either succeeds or fails with SQLState 23P01 - never a check followed by a write.
 */
@Component
class SeatInventoryPersistenceAdapter implements SeatInventory {

    private static final int MAX_DEADLOCK_RETRIES = 5;

    /**
     * Free seats of a class for {@code [from, to)}, each with its free gap: the end of the closest
     * reservation before the segment (or the first stop) and the start of the closest one after it (or the
     * last stop). One statement; the seat's reservations come from the constraint's GiST index.
     */
    static final String FREE_SEATS = """
            SELECT s.id, s.wagon, s.seat_no, s.seat_class,
                   coalesce(max(upper(r.stops)) FILTER (WHERE upper(r.stops) <= :from), 0) AS gap_start,
                   coalesce(min(lower(r.stops)) FILTER (WHERE lower(r.stops) >= :to), :last) AS gap_end
            FROM seat s
            LEFT JOIN seat_reservation r ON r.trip_id = :trip AND r.seat_id = s.id
            WHERE s.train_id = :train AND s.seat_class = :class
            GROUP BY s.id
            HAVING NOT coalesce(bool_or(r.stops && int4range(:from, :to)), false)""";

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    SeatInventoryPersistenceAdapter(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public void lockTicket(TicketId ticketId) {
        TransactionLocks.lock(jdbc, ticketId.toString());
    }

    @Override
    public boolean isClosed(TicketId ticketId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM closed_ticket WHERE ticket_id = :ticket)")
                .param("ticket", ticketId.value())
                .query(Boolean.class)
                .single();
    }

    @Override
    public void markClosed(TicketId ticketId, String cause, Instant at) {
        jdbc.sql("""
                        INSERT INTO closed_ticket (ticket_id, cause, closed_at) VALUES (:ticket, :cause, :at)
                        ON CONFLICT (ticket_id) DO NOTHING""")
                .param("ticket", ticketId.value())
                .param("cause", cause)
                .param("at", JdbcValues.timestamptz(at))
                .update();
    }

    /** One bounded batch; SKIP LOCKED lets every replica purge at once without waiting for one another. */
    @Override
    public int forgetClosedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        DELETE FROM closed_ticket WHERE ticket_id IN (
                            SELECT ticket_id FROM closed_ticket WHERE closed_at < :cutoff
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED)""")
                .param("cutoff", JdbcValues.timestamptz(cutoff))
                .param("limit", limit)
                .update();
    }

    @Override
    public Optional<SeatReservation> findByTicket(TicketId ticketId) {
        return jdbc.sql("""
                        SELECT ticket_id, trip_id, seat_id, lower(stops) AS from_index, upper(stops) AS to_index
                        FROM seat_reservation WHERE ticket_id = :ticket""")
                .param("ticket", ticketId.value())
                .query((rs, n) -> reservation(rs))
                .optional();
    }

    /**
     * Inserts the reservation; the exclusion constraint refuses an overlapping one.
     *
     * <p>Two transactions inserting conflicting rows at the same moment would each find the other's uncommitted
     * row while checking the constraint, wait for each other and be aborted as a deadlock - with 200 racers, over
     * and over. So the insert first takes a transaction lock on the seat of this trip: racers for one seat queue
     * and each then sees the previous winner's committed row. A deadlock can still arise between transactions
     * that hold several seats (a consumer's batch) taken in different orders; the loser tries again.
     */
    @Override
    public boolean tryReserve(SeatReservation reservation, Instant at) {
        for (int attempt = 1; ; attempt++) {
            try {
                // a savepoint: a refused insert must not abort the caller's transaction (a consumer's whole batch)
                savepoint.executeWithoutResult(status -> {
                    lockSeat(reservation);
                    jdbc.sql("""
                                INSERT INTO seat_reservation (ticket_id, trip_id, seat_id, stops, reserved_at)
                                VALUES (:ticket, :trip, :seat, int4range(:from, :to), :at)""")
                        .param("ticket", reservation.ticketId().value())
                        .param("trip", reservation.tripId().value())
                        .param("seat", reservation.seatId().value())
                        .param("from", reservation.segment().from())
                        .param("to", reservation.segment().to())
                        .param("at", JdbcValues.timestamptz(at))
                        .update();
                });
                return true;
            } catch (DataAccessException e) {
                if (Sql.hasSqlState(e, Sql.EXCLUSION_VIOLATION)) {
                    return false;
                }
                if (!Sql.hasSqlState(e, Sql.DEADLOCK_DETECTED) || attempt == MAX_DEADLOCK_RETRIES) {
                    throw e;
                }
            }
        }
    }

    /** The two-key form keeps seat locks apart from the single-key ticket locks of {@link #lockTicket}. */
    private void lockSeat(SeatReservation reservation) {
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtext(:trip), hashtext(:seat))")
                .param("trip", reservation.tripId().toString())
                .param("seat", reservation.seatId().toString())
                .query(Integer.class)
                .single();
    }

    @Override
    public List<SeatCandidate> freeSeats(Trip trip, SeatClass seatClass, Segment segment) {
        return jdbc.sql(FREE_SEATS)
                .param("trip", trip.id().value())
                .param("train", trip.trainId().value())
                .param("class", seatClass.name())
                .param("from", segment.from())
                .param("to", segment.to())
                .param("last", trip.lastStopIndex())
                .query((rs, n) -> new SeatCandidate(CatalogPersistenceAdapter.seat(rs), rs.getInt("gap_start"),
                        rs.getInt("gap_end")))
                .list();
    }

    @Override
    public Optional<SeatReservation> release(TicketId ticketId) {
        return jdbc.sql("""
                        DELETE FROM seat_reservation WHERE ticket_id = :ticket
                        RETURNING ticket_id, trip_id, seat_id, lower(stops) AS from_index, upper(stops) AS to_index""")
                .param("ticket", ticketId.value())
                .query((rs, n) -> reservation(rs))
                .optional();
    }

    private static SeatReservation reservation(ResultSet rs) throws SQLException {
        return new SeatReservation(new TicketId(Sql.uuid(rs, "ticket_id")), new TripId(Sql.uuid(rs, "trip_id")),
                new SeatId(Sql.uuid(rs, "seat_id")), new Segment(rs.getInt("from_index"), rs.getInt("to_index")));
    }
}
