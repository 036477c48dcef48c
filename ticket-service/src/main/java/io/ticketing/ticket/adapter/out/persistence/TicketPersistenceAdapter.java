package io.ticketing.ticket.adapter.out.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.ticketing.platform.jdbc.JdbcValues;
import io.ticketing.ticket.application.port.in.TicketPage;
import io.ticketing.ticket.application.port.out.TicketRepository;
import io.ticketing.ticket.domain.model.Booking;
import io.ticketing.ticket.domain.model.Money;
import io.ticketing.ticket.domain.model.Rejection;
import io.ticketing.ticket.domain.model.Seat;
import io.ticketing.ticket.domain.model.SeatClass;
import io.ticketing.ticket.domain.model.Stop;
import io.ticketing.ticket.domain.model.Ticket;
import io.ticketing.ticket.domain.model.TicketId;
import io.ticketing.ticket.domain.model.TicketRequest;
import io.ticketing.ticket.domain.model.TicketStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;

/** The ticket table: one flat row per aggregate, so the domain stays free of persistence concerns. */
@Component
class TicketPersistenceAdapter implements TicketRepository {

    private static final String SELECT = """
            SELECT id, user_id, request_hash, trip_id, from_station_id, to_station_id, requested_seat_id,
                   requested_seat_class, passenger_name, status, reason, reason_detail, train_number, seat_id,
                   seat_wagon, seat_number, seat_class, from_name, from_index, from_arrival, from_departure,
                   to_name, to_index, to_arrival, to_departure, price_amount, price_currency, created_at,
                   updated_at, expires_at, version
            FROM ticket
            """;

    /** What a transition can change; the request and the identity never change. */
    private static final String STATE = """
            status = :status, updated_at = :updatedAt, reason = :reason, reason_detail = :reasonDetail""";

    private static final String BOOKING = """
            train_number = :trainNumber, seat_id = :seatId, seat_wagon = :seatWagon, seat_number = :seatNumber,
            seat_class = :seatClass, from_name = :fromName, from_index = :fromIndex, from_arrival = :fromArrival,
            from_departure = :fromDeparture, to_name = :toName, to_index = :toIndex, to_arrival = :toArrival,
            to_departure = :toDeparture, price_amount = :priceAmount, price_currency = :priceCurrency""";

    private final JdbcClient jdbc;

    TicketPersistenceAdapter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lockForBooking(TicketId id) {
        // transaction-scoped: released at commit or rollback, so a crashed booking never holds it
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(:key)")
                .param("key", id.value().getMostSignificantBits() ^ id.value().getLeastSignificantBits())
                .query(Integer.class)
                .single();
    }

    @Override
    public Optional<Ticket> findById(TicketId id) {
        return jdbc.sql(SELECT + "WHERE id = :id")
                .param("id", id.value())
                .query(TicketPersistenceAdapter::ticket)
                .optional();
    }

    @Override
    public void add(Ticket ticket) {
        params(jdbc.sql("""
                        INSERT INTO ticket (id, user_id, request_hash, trip_id, from_station_id, to_station_id,
                            requested_seat_id, requested_seat_class, passenger_name, status, reason, reason_detail,
                            train_number, seat_id, seat_wagon, seat_number, seat_class, from_name, from_index,
                            from_arrival, from_departure, to_name, to_index, to_arrival, to_departure, price_amount,
                            price_currency, created_at, updated_at, expires_at, version)
                        VALUES (:id, :userId, :requestHash, :tripId, :fromStationId, :toStationId,
                            :requestedSeatId, :requestedSeatClass, :passengerName, :status, :reason, :reasonDetail,
                            :trainNumber, :seatId, :seatWagon, :seatNumber, :seatClass, :fromName, :fromIndex,
                            :fromArrival, :fromDeparture, :toName, :toIndex, :toArrival, :toDeparture, :priceAmount,
                            :priceCurrency, :createdAt, :updatedAt, :expiresAt, :version)"""), ticket)
                .update();
    }

    @Override
    public void update(Ticket ticket) {
        // no transition takes a booking away: without one, the stored booking columns stay as they are
        String changed = ticket.booking() == null ? STATE : STATE + ", " + BOOKING;
        int updated = params(jdbc.sql("UPDATE ticket SET " + changed
                + ", version = version + 1 WHERE id = :id AND version = :version"), ticket)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException(
                    "Ticket " + ticket.id() + " changed since version " + ticket.version() + " was read");
        }
    }

    @Override
    public List<Ticket> claimDue(Instant now, int limit) {
        // SKIP LOCKED lets every replica run the expiry job without waiting for or double-expiring a ticket
        return jdbc.sql(SELECT + """
                        WHERE status = 'PENDING' AND expires_at <= :now
                        ORDER BY expires_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""")
                .param("now", JdbcValues.timestamptz(now))
                .param("limit", limit)
                .query(TicketPersistenceAdapter::ticket)
                .list();
    }

    @Override
    public List<Ticket> lockUnsettledOfTrip(UUID tripId) {
        // literal statuses, so the planner can match the partial index ticket_trip_standing_idx. FOR UPDATE waits
        // for a ticket changing meanwhile and then reads (or, settled, skips) its new version, so the batch does
        // not fail its version check; the id order keeps two lockers of the same rows from deadlocking
        return jdbc.sql(SELECT + """
                        WHERE trip_id = :trip AND status IN ('PENDING', 'CONFIRMED')
                        ORDER BY id
                        FOR UPDATE""")
                .param("trip", tripId)
                .query(TicketPersistenceAdapter::ticket)
                .list();
    }

    @Override
    public TicketPage findByUser(UUID userId, int page, int size) {
        long offset = (long) page * size;
        List<Ticket> items = jdbc.sql(SELECT + "WHERE user_id = :user ORDER BY created_at DESC, id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .param("user", userId)
                .param("limit", size)
                .param("offset", offset)
                .query(TicketPersistenceAdapter::ticket)
                .list();
        // a page shorter than asked for ends the list and so tells the total (as Spring Data Page did); a full
        // page may have more after it and an empty later one may lie past the end: only those two count
        boolean complete = items.size() < size && (offset == 0 || !items.isEmpty());
        long total = complete ? offset + items.size()
                : jdbc.sql("SELECT count(*) FROM ticket WHERE user_id = :user")
                        .param("user", userId)
                        .query(Long.class)
                        .single();
        return new TicketPage(items, page, size, total);
    }

    /** Binds every column, by its camel-cased name; a statement ignores those it does not name. */
    private static StatementSpec params(StatementSpec statement, Ticket ticket) {
        TicketRequest request = ticket.request();
        Rejection rejection = ticket.rejection();
        Booking booking = ticket.booking();
        statement.param("id", ticket.id().value())
                .param("userId", ticket.userId())
                .param("requestHash", ticket.requestHash())
                .param("tripId", request.tripId())
                .param("fromStationId", request.fromStationId())
                .param("toStationId", request.toStationId())
                .param("requestedSeatId", request.seatId())
                .param("requestedSeatClass", name(request.seatClass()))
                .param("passengerName", request.passengerName())
                .param("status", ticket.status().name())
                .param("reason", rejection == null ? null : rejection.reason())
                .param("reasonDetail", rejection == null ? null : rejection.detail())
                .param("createdAt", JdbcValues.timestamptz(ticket.createdAt()))
                .param("updatedAt", JdbcValues.timestamptz(ticket.updatedAt()))
                .param("expiresAt", JdbcValues.timestamptz(ticket.expiresAt()))
                .param("version", ticket.version());
        Seat seat = booking == null ? null : booking.seat();
        Stop from = booking == null ? null : booking.from();
        Stop to = booking == null ? null : booking.to();
        Money price = booking == null ? null : booking.price();
        return statement.param("trainNumber", booking == null ? null : booking.trainNumber())
                .param("seatId", seat == null ? null : seat.id())
                .param("seatWagon", seat == null ? null : seat.wagon())
                .param("seatNumber", seat == null ? null : seat.number())
                .param("seatClass", seat == null ? null : seat.seatClass().name())
                .param("fromName", from == null ? null : from.name())
                .param("fromIndex", from == null ? null : from.index())
                .param("fromArrival", from == null ? null : JdbcValues.timestamptz(from.arrival()))
                .param("fromDeparture", from == null ? null : JdbcValues.timestamptz(from.departure()))
                .param("toName", to == null ? null : to.name())
                .param("toIndex", to == null ? null : to.index())
                .param("toArrival", to == null ? null : JdbcValues.timestamptz(to.arrival()))
                .param("toDeparture", to == null ? null : JdbcValues.timestamptz(to.departure()))
                .param("priceAmount", price == null ? null : price.amount())
                .param("priceCurrency", price == null ? null : price.currency());
    }

    private static Ticket ticket(ResultSet rs, int row) throws SQLException {
        UUID fromStation = rs.getObject("from_station_id", UUID.class);
        UUID toStation = rs.getObject("to_station_id", UUID.class);
        String reason = rs.getString("reason");
        return new Ticket(new TicketId(rs.getObject("id", UUID.class)), rs.getObject("user_id", UUID.class),
                rs.getString("request_hash"),
                new TicketRequest(rs.getObject("trip_id", UUID.class), fromStation, toStation,
                        rs.getObject("requested_seat_id", UUID.class), seatClass(rs, "requested_seat_class"),
                        rs.getString("passenger_name")),
                TicketStatus.valueOf(rs.getString("status")),
                reason == null ? null : new Rejection(reason, orEmpty(rs.getString("reason_detail"))),
                booking(rs, fromStation, toStation),
                JdbcValues.requiredInstant(rs, "created_at"), JdbcValues.requiredInstant(rs, "updated_at"),
                JdbcValues.requiredInstant(rs, "expires_at"),
                rs.getLong("version"));
    }

    /** The booking, when the row holds a complete one; the stops are the requested stations. */
    private static @Nullable Booking booking(ResultSet rs, @Nullable UUID fromStation, @Nullable UUID toStation)
            throws SQLException {
        UUID seatId = rs.getObject("seat_id", UUID.class);
        Integer seatWagon = rs.getObject("seat_wagon", Integer.class);
        String seatNumber = rs.getString("seat_number");
        SeatClass seatClass = seatClass(rs, "seat_class");
        String trainNumber = rs.getString("train_number");
        BigDecimal priceAmount = rs.getBigDecimal("price_amount");
        String priceCurrency = rs.getString("price_currency");
        if (seatId == null || seatWagon == null || seatNumber == null || seatClass == null || priceAmount == null
                || priceCurrency == null || trainNumber == null || fromStation == null || toStation == null) {
            return null;
        }
        // getInt reads a missing index as 0
        return new Booking(trainNumber, new Seat(seatId, seatWagon, seatNumber, seatClass),
                new Stop(fromStation, orEmpty(rs.getString("from_name")), rs.getInt("from_index"),
                        JdbcValues.instant(rs, "from_arrival"), JdbcValues.instant(rs, "from_departure")),
                new Stop(toStation, orEmpty(rs.getString("to_name")), rs.getInt("to_index"),
                        JdbcValues.instant(rs, "to_arrival"), JdbcValues.instant(rs, "to_departure")),
                new Money(priceAmount, priceCurrency));
    }

    private static @Nullable String name(@Nullable SeatClass seatClass) {
        return seatClass == null ? null : seatClass.name();
    }

    private static @Nullable SeatClass seatClass(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : SeatClass.valueOf(value);
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
