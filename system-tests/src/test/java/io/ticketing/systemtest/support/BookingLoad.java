package io.ticketing.systemtest.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bookings from a few travellers, one every 40 ms, while faults are injected; afterwards it checks that nothing
 * was lost or duplicated. A booking may be refused (503 while a service or stream recovers, 429), never
 * answered otherwise.
 */
public final class BookingLoad {

    private final String label;
    private final List<Session> users;
    private final Map<String, Session> accepted = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final Map<String, String> settled = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    private BookingLoad(String label, List<Session> users, Network net) {
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
                        assertThat(r.status()).as("refusal (%s): %s", label, r).isIn(503, 429);
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

    /** Starts booking at once; {@code label} names the scenario in assertions and in the run's summary. */
    public static BookingLoad start(String label, List<Session> users, Network net) {
        return new BookingLoad(label, users, net);
    }

    /** Bookings accepted (202) so far. */
    public int acceptedCount() {
        return accepted.size();
    }

    public void stop() throws InterruptedException {
        running.set(false);
        thread.join();
    }

    /**
     * Every accepted booking reaches a final state, each traveller lists exactly the tickets accepted for them
     * (none duplicated), and each ticket gets exactly one outcome notification.
     */
    public void assertEveryAcceptedBookingSettledOnceWithOneNotification() {
        assertThat(accepted).hasSizeGreaterThan(50);
        Summary.count("bookings attempted", accepted.size() + refused.get());
        Summary.count("bookings refused (" + label + ")", refused.get());

        Map<String, String> finalStatus = new ConcurrentHashMap<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            accepted.forEach((id, who) -> {
                if (!finalStatus.containsKey(id)) {
                    Api.Response r = who.api().get("/api/v1/tickets/" + id);
                    assertThat(r.status()).as("accepted ticket %s exists: %s", id, r).isEqualTo(200);
                    if (Tickets.FINAL_STATUSES.contains(r.text("status"))) {
                        finalStatus.put(id, r.text("status"));
                    }
                }
            });
            assertThat(finalStatus).hasSameSizeAs(accepted);
        });
        finalStatus.values().forEach(s -> Summary.count("bookings " + s.toLowerCase() + " (" + label + ")"));
        settled.putAll(finalStatus);

        Map<Session, Long> perUser = new HashMap<>();
        accepted.values().forEach(s -> perUser.merge(s, 1L, Long::sum));
        perUser.forEach((user, count) -> assertThat(
                user.api().get("/api/v1/tickets?size=1").json().path("totalItems").asLong()).isEqualTo(count));

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, Integer> outcomes = new HashMap<>();
            for (Session user : users) {
                Tickets.outcomeNotifications(user).forEach(ticketId -> outcomes.merge(ticketId, 1, Integer::sum));
            }
            assertThat(outcomes.keySet()).containsAll(accepted.keySet());
            assertThat(outcomes.values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
        });
    }

    /**
     * No accepted booking ran out its deadline: each was settled by the saga, not by the expiry job (call after
     * {@link #assertEveryAcceptedBookingSettledOnceWithOneNotification}).
     */
    public void assertNoneExpired() {
        assertThat(settled).as("final statuses (%s)", label).hasSameSizeAs(accepted);
        Map<String, Long> byStatus = settled.values().stream()
                .collect(Collectors.groupingBy(status -> status, Collectors.counting()));
        assertThat(byStatus).as("bookings by final status (%s)", label).doesNotContainKey("EXPIRED");
    }
}
