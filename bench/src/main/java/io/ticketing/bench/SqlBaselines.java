package io.ticketing.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariDataSource;
import io.ticketing.platform.test.TestPostgres;
import org.flywaydb.core.Flyway;

/**
 * The SQL limits of the system, with no HTTP and no messaging, on fresh databases built by the services' own
 * migrations: (R1) the raw seat-reservation statement; (R2) every statement one booking causes in every
 * service, one transaction at a time as the services run them.
 */
final class SqlBaselines {

    private static final String SEAT_RESERVATION = """
            INSERT INTO seat_reservation (ticket_id, trip_id, seat_id, stops, reserved_at)
            VALUES (?, ?, ?, int4range(?, ?), now())""";

    private final Path root;
    private final int threads;

    SqlBaselines(Path root, int threads) {
        this.root = root;
        this.threads = threads;
    }

    private HikariDataSource database(String service) {
        TestPostgres.Database db = TestPostgres.freshDatabase("bench_" + service.replace("-service", ""));
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(db.url());
        ds.setUsername(db.user());
        ds.setPassword(db.password());
        ds.setMaximumPoolSize(threads);
        Flyway.configure().dataSource(ds)
                .locations("filesystem:" + root.resolve(service + "/src/main/resources/db/migration"),
                        "classpath:db/platform")
                .load().migrate();
        return ds;
    }

    /** A train with {@code seats} seats and one trip of {@code stops} stops; returns [tripId, seatIds...]. */
    private static List<UUID> trainAndTrip(HikariDataSource train, int seats) throws SQLException {
        UUID trainId = UUID.randomUUID();
        UUID tripId = UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        ids.add(tripId);
        try (Connection c = train.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO train (id, number, name) VALUES (?, ?, 'Bench')")) {
                st.setObject(1, trainId);
                st.setString(2, "B" + trainId);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO seat (id, train_id, wagon, seat_no, seat_class) VALUES (?, ?, ?, ?, 'SECOND')")) {
                for (int i = 0; i < seats; i++) {
                    UUID seat = UUID.randomUUID();
                    ids.add(seat);
                    st.setObject(1, seat);
                    st.setObject(2, trainId);
                    st.setInt(3, 1 + i / 1000);
                    st.setInt(4, 1 + i % 1000);
                    st.addBatch();
                }
                st.executeBatch();
            }
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO trip (id, train_id, status, departs_at, arrives_at)
                    VALUES (?, ?, 'SCHEDULED', now() + interval '1 day', now() + interval '1 day 3 hours')""")) {
                st.setObject(1, tripId);
                st.setObject(2, trainId);
                st.executeUpdate();
            }
            c.commit();
        }
        return ids;
    }

    /** R1: reservations/s of the bare statement, each in its own transaction, by {@code threads} threads. */
    double rawReservations(int reservations) throws Exception {
        try (HikariDataSource train = database("train-service")) {
            int seats = reservations / 3 + 1;
            List<UUID> ids = trainAndTrip(train, seats);
            UUID trip = ids.get(0);
            AtomicLong next = new AtomicLong();
            return timed(reservations, () -> {
                long n = next.getAndIncrement();
                if (n >= reservations) {
                    return false;
                }
                try (Connection c = train.getConnection();
                        PreparedStatement st = c.prepareStatement(SEAT_RESERVATION)) {
                    int segment = (int) (n % 3);
                    st.setObject(1, UUID.randomUUID());
                    st.setObject(2, trip);
                    st.setObject(3, ids.get(1 + (int) (n / 3)));
                    st.setInt(4, segment);
                    st.setInt(5, segment + 1);
                    st.executeUpdate();
                }
                return true;
            });
        }
    }

    /**
     * R2: bookings/s when every service's statements for one booking run as the services run them: ticket
     * insert + outbox; reservation + inbox + outbox; ticket confirmation + inbox + outbox; notification + mail
     * row + inbox; and each relay marking its row published.
     */
    double completeBookings(int bookings) throws Exception {
        try (HikariDataSource ticket = database("ticket-service");
             HikariDataSource train = database("train-service");
             HikariDataSource notification = database("notification-service")) {
            List<UUID> ids = trainAndTrip(train, bookings / 3 + 1);
            UUID trip = ids.get(0);
            AtomicLong next = new AtomicLong();
            return timed(bookings, () -> {
                long n = next.getAndIncrement();
                if (n >= bookings) {
                    return false;
                }
                UUID ticketId = UUID.randomUUID();
                UUID user = UUID.randomUUID();
                UUID seat = ids.get(1 + (int) (n / 3));
                int segment = (int) (n % 3);
                Timestamp now = Timestamp.from(Instant.now());
                // 1. ticket-service: PENDING + TicketRequested
                transaction(ticket, c -> {
                    update(c, """
                            INSERT INTO ticket (id, user_id, request_hash, trip_id, from_station_id, to_station_id,
                              requested_seat_class, passenger_name, status, created_at, updated_at, expires_at, version)
                            VALUES (?, ?, 'h', ?, ?, ?, 'SECOND', 'Bench', 'PENDING', ?, ?, ?, 0)""",
                            ticketId, user, trip, UUID.randomUUID(), UUID.randomUUID(), now, now,
                            Timestamp.from(now.toInstant().plus(30, ChronoUnit.SECONDS)));
                    outbox(c, "tickets.events.TicketRequested");
                });
                markPublished(ticket);
                // 2. train-service: inbox + reservation + SeatReserved
                transaction(train, c -> {
                    inbox(c, "train-service-tickets");
                    update(c, SEAT_RESERVATION, ticketId, trip, seat, segment, segment + 1);
                    outbox(c, "trains.events.SeatReserved");
                });
                markPublished(train);
                // 3. ticket-service: inbox + CONFIRMED + TicketBooked
                transaction(ticket, c -> {
                    inbox(c, "ticket-service-trains");
                    update(c, """
                            UPDATE ticket SET status = 'CONFIRMED', seat_id = ?, seat_wagon = 1, seat_number = '1-1',
                              seat_class = 'SECOND', price_amount = 10.00, price_currency = 'EUR', updated_at = ?,
                              version = version + 1
                            WHERE id = ? AND version = 0""", seat, now, ticketId);
                    outbox(c, "tickets.events.TicketBooked");
                });
                markPublished(ticket);
                // 4. notification-service: inbox + notification + mail row
                transaction(notification, c -> {
                    inbox(c, "notification-service-tickets");
                    UUID id = UUID.randomUUID();
                    update(c, """
                            INSERT INTO notification
                                (id, user_id, type, title, body, ticket_id, source_event_id, created_at)
                            VALUES (?, ?, 'TICKET_BOOKED', 'Booked', 'Your seat 1-1', ?, ?, ?)""",
                            id, user, ticketId, UUID.randomUUID().toString(), now);
                    update(c, "INSERT INTO mail_delivery (notification_id, status, next_attempt_at)"
                            + " VALUES (?, 'PENDING', ?)",
                            id, now);
                });
                return true;
            });
        }
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private interface Step {
        boolean next() throws Exception;
    }

    private static void transaction(HikariDataSource ds, Work work) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            work.run(c);
            c.commit();
        }
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.executeUpdate();
        }
    }

    private static void outbox(Connection c, String subject) throws SQLException {
        update(c, """
                INSERT INTO outbox_message (id, subject, message_type, payload, headers)
                VALUES (?, ?, 'bench', ?, CAST('{"event-type":"bench"}' AS jsonb))""",
                UUID.randomUUID(), subject, new byte[200]);
    }

    private static void inbox(Connection c, String consumer) throws SQLException {
        update(c, "INSERT INTO inbox_message (consumer, message_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                consumer, UUID.randomUUID().toString());
    }

    /** The relay's claim-and-mark of the row just written (its publish is not SQL and not counted here). */
    private static void markPublished(HikariDataSource ds) throws SQLException {
        transaction(ds, c -> update(c, """
                UPDATE outbox_message SET published_at = now() WHERE id IN (
                  SELECT id FROM outbox_message WHERE published_at IS NULL ORDER BY created_at LIMIT 1
                  FOR UPDATE SKIP LOCKED)"""));
    }

    private double timed(int total, Step step) throws Exception {
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    while (step.next()) {
                        // keep going
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        }
        return total / ((System.nanoTime() - start) / 1e9);
    }
}
