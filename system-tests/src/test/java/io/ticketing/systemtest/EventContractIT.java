package io.ticketing.systemtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.ticketing.platform.test.TestNats;
import io.ticketing.systemtest.support.Network;
import io.ticketing.systemtest.support.NodeProcess;
import io.ticketing.systemtest.support.Session;
import io.ticketing.systemtest.support.Summary;
import io.ticketing.systemtest.support.SystemTest;
import io.ticketing.systemtest.support.Tickets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An outside consumer written in TypeScript (examples/node-consumer) follows a booking journey on the real
 * streams: it decodes each event exactly once, also across a stop and restart in the middle of the journey.
 */
@SystemTest
class EventContractIT {

    private static final Path CONSUMER = NodeProcess.projectDir("examples/node-consumer");

    @Test
    void aNodeConsumerReceivesEveryEventOfAJourneyOnceAcrossARestart() throws Exception {
        NodeProcess.ensureBuilt(CONSUMER, "dist/src/consumer.js");
        Path seen = Files.createTempFile("node-consumer", ".seen");
        Map<String, String> env = Map.of(
                "NATS_URL", TestNats.url(),
                "DURABLE", "it-" + UUID.randomUUID().toString().substring(0, 8),
                "START_TIME", Instant.now().minusSeconds(1).toString(),
                "SEEN_FILE", seen.toString());

        NodeProcess first = startConsumer(env);
        Session admin = Session.admin();
        Session traveller = Session.register("Event Follower");
        Network net = Network.build(admin, 2, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> printed(first, "TripScheduled", net.tripId()) == 1);

        // stopped mid-journey: the booking happens while it is down
        assertThat(first.stop()).isZero();
        String ticket = Tickets.book(traveller, net.booking(0, 2, null, "FIRST", "Event Follower"));
        assertThat(Tickets.awaitSettled(traveller, ticket).path("status").asString()).isEqualTo("CONFIRMED");

        NodeProcess second = startConsumer(env);
        assertThat(traveller.api().delete("/api/v1/tickets/" + ticket).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String type : List.of("TicketRequested", "SeatReserved", "TicketBooked", "TicketCancelled",
                    "SeatReleased")) {
                assertThat(printed(first, type, ticket) + printed(second, type, ticket)).as(type).isEqualTo(1);
            }
        });
        Thread.sleep(1000);
        second.stop();

        assertThat(printed(first, "UserRegistered", traveller.userId())).isEqualTo(1);
        assertThat(printed(second, "UserRegistered", traveller.userId())).isZero();
        assertThat(printed(first, "TripScheduled", net.tripId()) + printed(second, "TripScheduled", net.tripId()))
                .isEqualTo(1);
        Set<String> ids = new HashSet<>();
        for (NodeProcess run : List.of(first, second)) {
            for (String line : run.stdout()) {
                if (line.startsWith("EVENT ")) {
                    assertThat(ids.add(line.split(" ")[2])).as("printed once: %s", line).isTrue();
                }
            }
        }
        Summary.count("events seen by the Node consumer", ids.size());
        Summary.count("journeys passed");
    }

    private static NodeProcess startConsumer(Map<String, String> env) {
        NodeProcess consumer = NodeProcess.start(CONSUMER, env, "node", "dist/src/consumer.js");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> consumer.stdout().stream().anyMatch(l -> l.startsWith("READY")));
        return consumer;
    }

    /** How many EVENT lines of this type mention the id. */
    private static long printed(NodeProcess consumer, String type, String id) {
        return consumer.stdout().stream()
                .filter(l -> l.startsWith("EVENT ") && l.split(" ")[1].endsWith("." + type) && l.contains(id))
                .count();
    }
}
