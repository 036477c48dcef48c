package io.ticketing.systemtest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;

import io.ticketing.platform.test.TestPostgres;
import io.ticketing.systemtest.support.Api;
import io.ticketing.systemtest.support.BookingLoad;
import io.ticketing.systemtest.support.NatsCluster;
import io.ticketing.systemtest.support.Network;
import io.ticketing.systemtest.support.Parallel;
import io.ticketing.systemtest.support.Session;
import io.ticketing.systemtest.support.Stack;
import io.ticketing.systemtest.support.Summary;
import io.ticketing.systemtest.support.SystemTest;
import io.ticketing.systemtest.support.Tickets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The system scaled out: two replicas of every service behind the one gateway, on a three-node JetStream
 * cluster with R3 streams. Runs in its own failsafe execution (its own JVM and stack, see pom.xml), so
 * {@link Stack} starts in that shape here.
 */
@SystemTest(scaledOut = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final List<String> REPLICATED =
            List.of("user-service", "train-service", "ticket-service", "notification-service");

    private static Stack stack;

    @BeforeAll
    static void scaledOut() {
        stack = Stack.get();
        REPLICATED.forEach(s -> assertThat(stack.instances(s)).as("replicas of %s", s).hasSize(2));
        assertThat(stack.natsCluster()).isNotNull();
    }

    @Test
    @Order(1)
    void withTwoReplicasEachSeatSegmentIsSoldOnceAndEachEventHasOneEffect() throws Exception {
        int users = 120;
        int seats = 12;
        Session admin = Session.admin();
        Network net = Network.build(admin, seats, 2);
        List<Session> racers = Parallel.run(users, 16, i -> Session.register("Scaled racer " + i));

        // some travellers watch the live stream; the gateway spreads them over both notification replicas
        int watchers = 16;
        List<List<String>> streamed = Parallel.run(watchers, watchers, i -> new CopyOnWriteArrayList<String>());
        List<CompletableFuture<Void>> streams = Parallel.run(watchers, watchers,
                i -> JourneyIT.openStream(racers.get(i), streamed.get(i)));
        Stack.sleep(1000);

        CyclicBarrier start = new CyclicBarrier(users);
        List<String> ticketIds = Parallel.run(users, users, i -> {
            try {
                start.await();
            } catch (InterruptedException | BrokenBarrierException e) {
                throw new IllegalStateException(e);
            }
            return Tickets.book(racers.get(i), net.booking(0, 3, null, "FIRST", "Scaled racer " + i));
        });
        List<JsonNode> settled = Parallel.run(users, 64,
                i -> Tickets.awaitSettled(racers.get(i), ticketIds.get(i), Duration.ofSeconds(120)));

        long confirmed = settled.stream().filter(t -> t.path("status").asString().equals("CONFIRMED")).count();
        long rejected = settled.stream().filter(t -> t.path("status").asString().equals("REJECTED")).count();
        Summary.count("bookings confirmed (2 replicas)", confirmed);
        Summary.count("bookings rejected (2 replicas)", rejected);
        assertThat(confirmed).isEqualTo(seats);
        assertThat(rejected).isEqualTo(users - seats);
        Set<String> sold = new HashSet<>();
        settled.stream().filter(t -> t.path("status").asString().equals("CONFIRMED"))
                .forEach(t -> assertThat(sold.add(t.path("seat").path("id").asString())).isTrue());
        assertThat(count("train-service", SeatInventorySql.OVERLAPPING_RESERVATIONS))
                .as("overlapping reservations of one seat").isZero();
        assertThat(count("train-service", "SELECT count(*) FROM seat_reservation")).isEqualTo(seats);

        // one outcome notification per traveller, listed once and pushed live once
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Parallel.run(users, 32, i -> {
            long outcomes = Tickets.outcomeNotifications(racers.get(i)).size();
            assertThat(outcomes).as("outcome notifications of racer %d", i).isEqualTo(1);
            return outcomes;
        }));
        assertThat(count("notification-service", """
                SELECT count(*) FROM (SELECT ticket_id, type FROM notification WHERE ticket_id IS NOT NULL
                                      GROUP BY ticket_id, type HAVING count(*) > 1) twice""")).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int i = 0; i < watchers; i++) {
                String ticketId = ticketIds.get(i);
                assertThat(streamed.get(i).stream().filter(l -> l.startsWith("data:") && l.contains(ticketId)).count())
                        .as("live pushes of racer %d's outcome", i).isEqualTo(1);
            }
        });
        streams.forEach(s -> s.cancel(true));
        Summary.count("journeys passed");
    }

    @Test
    @Order(2)
    void killingOneReplicaOfEachServiceUnderLoadLosesNoAcceptedBooking() throws Exception {
        Session admin = Session.admin();
        Network net = Network.build(admin, 50, 200);
        List<Session> users = Parallel.run(10, 10, i -> Session.register("Replica victim " + i));
        BookingLoad load = BookingLoad.start("replicas killed", users, net);

        Stack.sleep(2000);
        for (String service : REPLICATED) {
            stack.kill(service);
            Summary.count("replicas killed");
            Stack.sleep(2500);
        }
        int acceptedWhileDown = load.acceptedCount();
        Stack.sleep(3000);
        Summary.count("bookings accepted with a replica of each service down",
                load.acceptedCount() - acceptedWhileDown);
        assertThat(load.acceptedCount()).as("bookings accepted with one replica of each service down")
                .isGreaterThan(acceptedWhileDown);
        REPLICATED.forEach(stack::start);
        REPLICATED.forEach(stack::awaitHealthy);
        Stack.sleep(2000);
        load.stop();

        load.assertEveryAcceptedBookingSettledOnceWithOneNotification();
        Summary.count("journeys passed");
    }

    @Test
    @Order(3)
    void losingOneNatsNodeUnderLoadLosesNothingAndTheNodeCatchesUp() throws Exception {
        NatsCluster cluster = stack.natsCluster();
        Session admin = Session.admin();
        Network net = Network.build(admin, 50, 200);
        List<Session> users = Parallel.run(10, 10, i -> Session.register("Node loss " + i));
        BookingLoad load = BookingLoad.start("nats node lost", users, net);

        Stack.sleep(2000);
        // the node leading the stream bookings are published to: the worst one to lose
        int victim = leaderOf(cluster, "COMMANDS");
        cluster.kill(victim);
        Summary.count("nats nodes lost");
        int acceptedAtLoss = load.acceptedCount();
        // the stream's followers elect a new leader only after their raft election timeout, randomized over
        // seconds (4-9 s in nats-server), and bookings wait for it: wait until they are accepted again, the node
        // still down, rather than a fixed time that a slow election outlasts; then keep booking a while without it
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(load.acceptedCount() - acceptedAtLoss)
                        .as("bookings accepted while node n%d is down", victim).isPositive());
        Stack.sleep(3000);
        Summary.count("bookings accepted with a nats node down", load.acceptedCount() - acceptedAtLoss);
        cluster.start(victim);
        Summary.count("nats nodes recovered");
        Stack.sleep(3000);
        load.stop();

        load.assertEveryAcceptedBookingSettledOnceWithOneNotification();

        // the returning node holds every stream as far as its peers do
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Long> reference = lastSequences(cluster, (victim + 1) % NatsCluster.SIZE);
            assertThat(reference).containsKeys("COMMANDS", "TICKETS", "TRAINS", "USERS");
            for (int node = 0; node < NatsCluster.SIZE; node++) {
                assertThat(lastSequences(cluster, node)).as("streams on node n%d", node).isEqualTo(reference);
            }
        });
        Summary.count("journeys passed");
    }

    private static long count(String service, String sql) throws Exception {
        TestPostgres.Database db = stack.database(service);
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The node (0..2) leading a stream's replica group, as the cluster reports it. */
    private static int leaderOf(NatsCluster cluster, String stream) {
        for (int node = 0; node < NatsCluster.SIZE; node++) {
            for (JsonNode detail : streamDetails(cluster, node)) {
                String leader = detail.path("cluster").path("leader").asString("");
                if (detail.path("name").asString().equals(stream) && leader.matches("n\\d")) {
                    return Integer.parseInt(leader.substring(1));
                }
            }
        }
        return 0;
    }

    /** Each stream's last sequence number in the node's own copy. */
    private static Map<String, Long> lastSequences(NatsCluster cluster, int node) {
        Map<String, Long> sequences = new HashMap<>();
        for (JsonNode detail : streamDetails(cluster, node)) {
            sequences.put(detail.path("name").asString(), detail.path("state").path("last_seq").asLong());
        }
        return sequences;
    }

    private static List<JsonNode> streamDetails(NatsCluster cluster, int node) {
        JsonNode jsz = Api.JSON.readTree(cluster.monitor(node, "/jsz?accounts=true&streams=true"));
        List<JsonNode> details = new java.util.ArrayList<>();
        for (JsonNode account : jsz.path("account_details")) {
            account.path("stream_detail").forEach(details::add);
        }
        return details;
    }
}
