package io.ticketing.systemtest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

import io.ticketing.platform.test.TestPostgres;
import io.ticketing.systemtest.support.Api;
import io.ticketing.systemtest.support.Network;
import io.ticketing.systemtest.support.Parallel;
import io.ticketing.systemtest.support.Session;
import io.ticketing.systemtest.support.Stack;
import io.ticketing.systemtest.support.Summary;
import io.ticketing.systemtest.support.SystemTest;
import io.ticketing.systemtest.support.Tickets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SystemTest
class HotSeatIT {

    private static final int USERS = 300;
    private static final int SEATS = 20;

    @Test
    void threeHundredTravellersRaceForTwentySeatsAndEachSegmentIsSoldOnce() throws Exception {
        Session admin = Session.admin();
        Network net = Network.build(admin, SEATS, 2);
        List<Session> users = Parallel.run(USERS, 16, i -> Session.register("Racer " + i));

        // every traveller is ready before anyone books: they race for real
        CyclicBarrier start = new CyclicBarrier(USERS);
        List<String> ticketIds = Parallel.run(USERS, USERS, i -> {
            try {
                start.await();
            } catch (InterruptedException | BrokenBarrierException e) {
                throw new IllegalStateException(e);
            }
            return Tickets.book(users.get(i), net.booking(0, 3, null, "FIRST", "Racer " + i));
        });

        List<JsonNode> settled = Parallel.run(USERS, 64,
                i -> Tickets.awaitSettled(users.get(i), ticketIds.get(i), Duration.ofSeconds(120)));
        long confirmed = settled.stream().filter(t -> t.path("status").asString().equals("CONFIRMED")).count();
        long rejected = settled.stream().filter(t -> t.path("status").asString().equals("REJECTED")).count();
        Summary.count("bookings confirmed", confirmed);
        Summary.count("bookings rejected", rejected);

        assertThat(confirmed).isEqualTo(SEATS);
        assertThat(rejected).isEqualTo(USERS - SEATS);
        assertThat(settled).allSatisfy(t -> assertThat(t.path("status").asString()).isNotEqualTo("PENDING"));
        assertThat(settled).filteredOn(t -> t.path("status").asString().equals("REJECTED"))
                .allSatisfy(t -> assertThat(t.path("reason").asString()).isEqualTo("NO_SEAT_IN_CLASS"));
        Set<String> seats = new HashSet<>();
        settled.stream().filter(t -> t.path("status").asString().equals("CONFIRMED"))
                .forEach(t -> assertThat(seats.add(t.path("seat").path("id").asString())).isTrue());
        assertThat(net.seatMap(Api.anonymous(), 0, 3)).filteredOn(s -> s.path("seatClass").asString().equals("FIRST"))
                .allSatisfy(s -> assertThat(s.path("free").asBoolean()).isFalse());
        assertNoSegmentSoldTwiceInTheDatabase();

        // each traveller hears about their booking exactly once
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Parallel.run(USERS, 32, i -> {
            Api.Response list = users.get(i).api().get("/api/v1/notifications?size=100");
            long outcomes = 0;
            for (JsonNode n : list.json().path("items")) {
                String type = n.path("type").asString();
                if (type.equals("TICKET_BOOKED") || type.equals("TICKET_REJECTED")) {
                    outcomes++;
                }
            }
            assertThat(outcomes).as("outcome notifications of user %d", i).isEqualTo(1);
            return outcomes;
        }));
        Summary.count("journeys passed");
    }

    /** Checked in train-service's own database: no two reservations of one seat overlap. */
    private static void assertNoSegmentSoldTwiceInTheDatabase() throws Exception {
        TestPostgres.Database db = Stack.get().database("train-service");
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(SeatInventorySql.OVERLAPPING_RESERVATIONS)) {
            rs.next();
            assertThat(rs.getLong(1)).as("overlapping reservations of one seat").isZero();
        }
    }
}
