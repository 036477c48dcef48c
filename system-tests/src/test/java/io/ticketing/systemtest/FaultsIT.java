package io.ticketing.systemtest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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

/** Crashes under load: every accepted booking still reaches one final state, with one notification. */
@SystemTest
class FaultsIT {

    private static final Set<String> FINAL = Set.of("CONFIRMED", "REJECTED", "EXPIRED", "CANCELLED");

    @Test
    void killingServicesAndRestartingNatsLosesAndDuplicatesNothing() throws Exception {
        Stack stack = Stack.get();
        Session admin = Session.admin();
        Network net = Network.build(admin, 50, 200);
        List<Session> users = Parallel.run(10, 10, i -> Session.register("Faulty " + i));

        Map<String, Session> accepted = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread load = Thread.ofVirtual().start(() -> {
            int i = 0;
            while (loading.get()) {
                Session who = users.get(i % users.size());
                int from = i % 3;
                Map<String, Object> body = net.booking(from, from + 1, null, i % 5 == 0 ? "FIRST" : "SECOND", "P" + i);
                try {
                    Api.Response r = who.api().post("/api/v1/tickets", body,
                            Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                    if (r.status() == 202) {
                        accepted.put(r.text("id"), who);
                    } else {
                        assertThat(r.status()).as("refusal during faults: %s", r).isIn(503, 429);
                        refused.incrementAndGet();
                    }
                } catch (RuntimeException connectionTrouble) {
                    refused.incrementAndGet();
                }
                i++;
                Stack.sleep(40);
            }
        });

        pause(2000);
        for (String victim : List.of("ticket-service", "train-service", "notification-service")) {
            stack.kill(victim);
            Summary.count("faults injected");
            pause(2500);
            stack.start(victim);
            stack.awaitHealthy(victim);
            Summary.count("faults recovered");
            pause(1500);
        }
        stack.stopNats();
        Summary.count("faults injected");
        pause(3000);
        stack.startNats();
        Summary.count("faults recovered");
        pause(3000);
        loading.set(false);
        load.join();

        assertThat(accepted).hasSizeGreaterThan(50);
        Summary.count("bookings attempted", accepted.size() + refused.get());

        Map<String, String> finalStatus = new ConcurrentHashMap<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            accepted.forEach((id, who) -> {
                if (!finalStatus.containsKey(id)) {
                    Api.Response r = who.api().get("/api/v1/tickets/" + id);
                    assertThat(r.status()).as("accepted ticket %s exists", id).isEqualTo(200);
                    String status = r.text("status");
                    if (FINAL.contains(status)) {
                        finalStatus.put(id, status);
                    }
                }
            });
            assertThat(finalStatus).hasSameSizeAs(accepted);
        });
        finalStatus.values().forEach(s -> Summary.count("bookings " + s.toLowerCase() + " (faults)"));

        // nothing duplicated: each user's tickets are exactly the accepted ones
        Map<Session, Long> perUser = new HashMap<>();
        accepted.values().forEach(s -> perUser.merge(s, 1L, Long::sum));
        for (Map.Entry<Session, Long> e : perUser.entrySet()) {
            long listed = e.getKey().api().get("/api/v1/tickets?size=1").json().path("totalItems").asLong();
            assertThat(listed).isEqualTo(e.getValue());
        }

        // one outcome notification per ticket, never two
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, Integer> outcomes = new HashMap<>();
            for (Session user : users) {
                int page = 0;
                JsonNode items;
                do {
                    items = user.api().get("/api/v1/notifications?size=100&page=" + page++).json().path("items");
                    for (JsonNode n : items) {
                        if (!n.path("type").asString().equals("WELCOME")) {
                            outcomes.merge(n.path("ticketId").asString(), 1, Integer::sum);
                        }
                    }
                } while (items.size() == 100);
            }
            assertThat(outcomes.keySet()).containsAll(accepted.keySet());
            assertThat(outcomes.values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
        });
        Summary.count("journeys passed");
    }

    private static void pause(long millis) {
        Stack.sleep(millis);
    }
}
