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
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.ticketing.platform.test.TestPostgres;
import io.ticketing.systemtest.support.Api;
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

    private static final Set<String> FINAL = Set.of("CONFIRMED", "REJECTED", "EXPIRED", "CANCELLED");
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
            long outcomes = outcomesOf(racers.get(i)).size();
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
        Load load = Load.start("replicas killed", users, net);

        Stack.sleep(2000);
        for (String service : REPLICATED) {
            stack.kill(service);
            Summary.count("replicas killed");
            Stack.sleep(2500);
        }
        int acceptedWhileDown = load.accepted.size();
        Stack.sleep(3000);
        Summary.count("bookings accepted with a replica of each service down", load.accepted.size() - acceptedWhileDown);
        assertThat(load.accepted.size()).as("bookings accepted with one replica of each service down")
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
        Load load = Load.start("nats node lost", users, net);

        Stack.sleep(2000);
        // the node leading the stream bookings are published to: the worst one to lose
        int victim = leaderOf(cluster, "COMMANDS");
        cluster.kill(victim);
        Summary.count("nats nodes lost");
        int acceptedAtLoss = load.accepted.size();
        Stack.sleep(8000);
        int acceptedDuringOutage = load.accepted.size() - acceptedAtLoss;
        Summary.count("bookings accepted with a nats node down", acceptedDuringOutage);
        assertThat(acceptedDuringOutage).as("bookings accepted while node n%d is down", victim).isPositive();
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

    /** Bookings from a few travellers, one every 40 ms, until stopped. */
    private static final class Load {

        final String label;
        final Map<String, Session> accepted = new ConcurrentHashMap<>();
        final AtomicInteger refused = new AtomicInteger();
        final List<Session> users;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        private Load(String label, List<Session> users, Network net) {
            this.label = label;
            this.users = users;
            this.thread = Thread.ofVirtual().start(() -> {
                int i = 0;
                while (running.get()) {
                    Session who = users.get(i % users.size());
                    int from = i % 3;
                    Map<String, Object> body = net.booking(from, from + 1, null, i % 5 == 0 ? "FIRST" : "SECOND",
                            "P" + i);
                    try {
                        Api.Response r = who.api().post("/api/v1/tickets", body,
                                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                        if (r.status() == 202) {
                            accepted.put(r.text("id"), who);
                        } else {
                            assertThat(r.status()).as("refusal: %s", r).isIn(503, 429);
                            refused.incrementAndGet();
                        }
                    } catch (RuntimeException connectionTrouble) {
                        refused.incrementAndGet();
                    }
                    i++;
                    Stack.sleep(40);
                }
            });
        }

        static Load start(String label, List<Session> users, Network net) {
            return new Load(label, users, net);
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        void assertEveryAcceptedBookingSettledOnceWithOneNotification() {
            assertThat(accepted).hasSizeGreaterThan(50);
            Summary.count("bookings attempted", accepted.size() + refused.get());
            // refused (503, retry with the same Idempotency-Key) only while a stream elects a new leader
            Summary.count("bookings refused (" + label + ")", refused.get());

            Map<String, String> finalStatus = new ConcurrentHashMap<>();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                accepted.forEach((id, who) -> {
                    if (!finalStatus.containsKey(id)) {
                        Api.Response r = who.api().get("/api/v1/tickets/" + id);
                        assertThat(r.status()).as("accepted ticket %s exists: %s", id, r).isEqualTo(200);
                        if (FINAL.contains(r.text("status"))) {
                            finalStatus.put(id, r.text("status"));
                        }
                    }
                });
                assertThat(finalStatus).hasSameSizeAs(accepted);
            });
            finalStatus.values().forEach(s -> Summary.count("bookings " + s.toLowerCase() + " (" + label + ")"));

            Map<Session, Long> perUser = new HashMap<>();
            accepted.values().forEach(s -> perUser.merge(s, 1L, Long::sum));
            perUser.forEach((user, count) -> assertThat(
                    user.api().get("/api/v1/tickets?size=1").json().path("totalItems").asLong()).isEqualTo(count));

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                Map<String, Integer> outcomes = new HashMap<>();
                for (Session user : users) {
                    outcomesOf(user).forEach(ticketId -> outcomes.merge(ticketId, 1, Integer::sum));
                }
                assertThat(outcomes.keySet()).containsAll(accepted.keySet());
                assertThat(outcomes.values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
            });
        }
    }

    /** The ticket ids of the user's notifications other than the welcome, one entry per notification. */
    private static List<String> outcomesOf(Session user) {
        List<String> ticketIds = new java.util.ArrayList<>();
        int page = 0;
        JsonNode items;
        do {
            Api.Response list = user.api().get("/api/v1/notifications?size=100&page=" + page++);
            assertThat(list.status()).as("notifications: %s", list).isEqualTo(200);
            items = list.json().path("items");
            for (JsonNode n : items) {
                if (!n.path("type").asString().equals("WELCOME")) {
                    ticketIds.add(n.path("ticketId").asString());
                }
            }
        } while (items.size() == 100);
        return ticketIds;
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
