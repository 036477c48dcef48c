package io.ticketing.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.ticketing.notification.support.Events;
import io.ticketing.notification.support.NotificationIntegrationTest;
import io.ticketing.notification.support.SseClient;
import io.ticketing.notification.support.TestFixture;
import io.ticketing.platform.test.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@NotificationIntegrationTest
class NotificationStreamIT {

    private static final Logger log = LoggerFactory.getLogger(NotificationStreamIT.class);
    private static final String STREAM = "/api/v1/notifications/stream";

    @Autowired
    TestFixture fx;

    @Value("${ticketing.live.max-streams-per-user}")
    int maxStreamsPerUser;

    @Test
    void aConnectedUserGetsTheirNotificationAtOnceAndNobodyElseDoes() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        fx.registered(ada);
        fx.registered(bob);
        try (SseClient adas = SseClient.open(fx.http(), fx.uri(STREAM), TestTokens.user(ada), null);
             // a browser's EventSource passes the token in the query
             SseClient bobs = SseClient.open(fx.http(), fx.uri(STREAM + "?access_token=" + TestTokens.user(bob)),
                     null, null)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> adas.connected() && bobs.connected());
            assertThat(adas.status()).isEqualTo(200);
            assertThat(bobs.status()).isEqualTo(200);

            long published = System.nanoTime();
            String eventId = fx.publishTicketEvent(Events.ticketBooked(ada, UUID.randomUUID()));
            SseClient.Event received = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                    .until(() -> adas.events().stream().findFirst().orElse(null), event -> event != null);
            Duration latency = Duration.ofNanos(received.receivedNanos() - published);
            log.info("Event to live notification on the stream took {} ms", latency.toMillis());

            UUID notificationId = (UUID) fx.notificationFor(eventId).get("id");
            assertThat(received.id()).isEqualTo(notificationId.toString());
            JsonNode data = fx.json(received.data());
            assertThat(data.get("id").asString()).isEqualTo(notificationId.toString());
            assertThat(data.get("type").asString()).isEqualTo("TICKET_BOOKED");
            assertThat(data.get("title").asString()).isEqualTo(
                    "Ticket confirmed: train IC 2041 from Berlin Hbf to München Hbf");
            assertThat(data.get("read").asBoolean()).isFalse();

            // Bob's own notification comes after Ada's: had Ada's leaked to him, it would be there first
            String bobsEvent = fx.publishTicketEvent(Events.ticketExpired(bob, UUID.randomUUID()));
            await().atMost(Duration.ofSeconds(5)).until(() -> !bobs.events().isEmpty());
            UUID bobsNotification = (UUID) fx.notificationFor(bobsEvent).get("id");
            assertThat(bobs.events()).extracting(SseClient.Event::id).containsExactly(bobsNotification.toString());
            assertThat(adas.events()).extracting(SseClient.Event::id).containsExactly(notificationId.toString());
        }
    }

    @Test
    void aReconnectingClientGetsWhatWasStoredAfterItsLastEventId() {
        UUID ada = UUID.randomUUID();
        fx.registered(ada);
        UUID lastSeen = (UUID) fx.awaitNotificationFor(
                fx.publishTicketEvent(Events.ticketBooked(ada, UUID.randomUUID()))).get("id");
        UUID missed1 = (UUID) fx.awaitNotificationFor(
                fx.publishTicketEvent(Events.ticketRejected(ada, UUID.randomUUID()))).get("id");
        UUID missed2 = (UUID) fx.awaitNotificationFor(
                fx.publishTicketEvent(Events.ticketExpired(ada, UUID.randomUUID()))).get("id");

        try (SseClient stream = SseClient.open(fx.http(), fx.uri(STREAM), TestTokens.user(ada), lastSeen.toString())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.events().size() >= 2);
            assertThat(stream.events()).extracting(SseClient.Event::id)
                    .containsExactly(missed1.toString(), missed2.toString());
        }
    }

    @Test
    void aQuietStreamSendsHeartbeats() {
        try (SseClient stream = SseClient.open(fx.http(), fx.uri(STREAM), TestTokens.user(UUID.randomUUID()), null)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.comments().contains("heartbeat"));
            assertThat(stream.events()).isEmpty();
        }
    }

    @Test
    void aStreamBeyondTheUsersCapIsRefusedWithProblemJsonUntilOneOfTheirsCloses() {
        UUID ada = UUID.randomUUID();
        List<SseClient> adas = new ArrayList<>();
        try {
            for (int i = 0; i < maxStreamsPerUser; i++) {
                adas.add(SseClient.open(fx.http(), fx.uri(STREAM), TestTokens.user(ada), null));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> adas.stream().allMatch(SseClient::connected));

            try (SseClient refused = SseClient.open(fx.http(), fx.uri(STREAM), TestTokens.user(ada), null)) {
                await().atMost(Duration.ofSeconds(10)).until(refused::ended);
                assertThat(refused.status()).isEqualTo(429);
                assertThat(refused.header("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                // three heartbeats (1 s here): by then a stream its client closed has been noticed, its slot freed
                assertThat(refused.header("Retry-After")).hasValue("3");
                JsonNode problem = fx.json(refused.body());
                assertThat(problem.get("type").asString()).isEqualTo("urn:problem:ticketing:too-many-streams");
                assertThat(problem.get("title").asString()).isEqualTo("Too many requests");
                assertThat(problem.get("status").asInt()).isEqualTo(429);
                assertThat(problem.get("detail").asString()).contains(String.valueOf(maxStreamsPerUser));
            }

            try (SseClient bobs = SseClient.open(fx.http(), fx.uri(STREAM), TestTokens.user(UUID.randomUUID()), null)) {
                await().atMost(Duration.ofSeconds(10)).until(bobs::connected);
                assertThat(bobs.status()).as("the cap is per user").isEqualTo(200);
            }

            adas.removeFirst().close();
            // the server notices the closed connection when it next writes (a heartbeat), then frees the slot
            SseClient again = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                    .until(() -> openedOrNull(ada), stream -> stream != null);
            adas.add(again);
            assertThat(again.status()).isEqualTo(200);
        } finally {
            adas.forEach(SseClient::close);
        }
    }

    @Test
    void theStreamNeedsAToken() {
        assertThat(fx.get(STREAM, "").statusCode()).isEqualTo(401);
        assertThat(fx.get(STREAM + "?access_token=forged", "").statusCode()).isEqualTo(401);
        assertThat(fx.get("/api/v1/notifications?access_token=" + TestTokens.user(UUID.randomUUID()), "")
                .statusCode()).as("a token in the query is accepted only for the stream").isEqualTo(401);
    }

    /** A new stream of the user once it is connected, or null (closed) when it was refused. */
    private @Nullable SseClient openedOrNull(UUID userId) {
        SseClient stream = SseClient.open(fx.http(), fx.uri(STREAM), TestTokens.user(userId), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.connected() || stream.ended());
        if (stream.connected()) {
            return stream;
        }
        stream.close();
        return null;
    }
}
