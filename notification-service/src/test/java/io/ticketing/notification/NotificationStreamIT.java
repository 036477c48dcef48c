package io.ticketing.notification;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.ticketing.notification.application.port.in.RecordNotificationCommand;
import io.ticketing.notification.application.port.in.RecordNotificationUseCase;
import io.ticketing.notification.application.port.out.NotificationRepository;
import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationId;
import io.ticketing.notification.domain.model.Occasion;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@NotificationIntegrationTest
class NotificationStreamIT {

    private static final Logger log = LoggerFactory.getLogger(NotificationStreamIT.class);
    private static final String STREAM = "/api/v1/notifications/stream";

    @Autowired
    TestFixture fx;
    @Autowired
    RecordNotificationUseCase record;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    PlatformTransactionManager transactionManager;

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

    /**
     * Two transactions write notifications of one user at once (parallel consumers, replicas): the one that takes
     * the earlier createdAt and id ("early") is held open while the other ("late") tries to commit. Whichever
     * commits first, a client that was sent it and resumes after it must get the other one.
     */
    @Test
    void aResumeAfterTheFirstCommittedNotificationGetsOneCommittedLaterWithAnEarlierCreatedAt() throws Exception {
        UUID ada = UUID.randomUUID();
        String earlyEvent = "early-" + UUID.randomUUID();
        String lateEvent = "late-" + UUID.randomUUID();
        CountDownLatch earlyWritten = new CountDownLatch(1);
        CountDownLatch commitEarly = new CountDownLatch(1);
        boolean lateCommittedFirst;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> early = threads.submit(() -> new TransactionTemplate(transactionManager)
                    .executeWithoutResult(status -> {
                        record.record(new RecordNotificationCommand(earlyEvent, expired(ada)));
                        earlyWritten.countDown();
                        TestFixture.awaitReleased(commitEarly);
                    }));
            assertThat(earlyWritten.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> late = threads.submit(
                    () -> record.record(new RecordNotificationCommand(lateEvent, expired(ada))));
            // it commits at once, unless the store makes it wait for the early one
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> fx.notificationFor(lateEvent) != null || fx.aTransactionWaitsForALock());
            lateCommittedFirst = fx.notificationFor(lateEvent) != null;
            commitEarly.countDown();
            early.get(10, TimeUnit.SECONDS);
            late.get(10, TimeUnit.SECONDS);
        }
        Map<String, Object> earlyRow = fx.notificationFor(earlyEvent);
        Map<String, Object> lateRow = fx.notificationFor(lateEvent);
        assertThat(createdAt(earlyRow)).as("the premise: early was created first").isBefore(createdAt(lateRow));
        String firstCommitted = (lateCommittedFirst ? lateRow : earlyRow).get("id").toString();
        String committedAfterIt = (lateCommittedFirst ? earlyRow : lateRow).get("id").toString();

        try (SseClient stream = SseClient.open(fx.http(), fx.uri(STREAM), TestTokens.user(ada), firstCommitted)) {
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(stream.events())
                    .extracting(SseClient.Event::id).containsExactly(committedAfterIt));
        }
    }

    /**
     * Announcements are core NATS messages handled in parallel, from any replica: the one of a later notification
     * may arrive first, or alone. The stream still sends every notification, in the order they were stored, so
     * that its last event id is a sound point to resume from.
     */
    @Test
    void aLiveStreamSendsWhatWasStoredInOrderWhenTheAnnouncementOfALaterOneComesFirst() {
        UUID ada = UUID.randomUUID();
        try (SseClient stream = SseClient.open(fx.http(), fx.uri(STREAM), TestTokens.user(ada), null)) {
            await().atMost(Duration.ofSeconds(10)).until(stream::connected);
            Notification first = stored(ada);
            Notification second = stored(ada);

            fx.nats().publish("notifications.live." + ada, second.id().toString().getBytes(StandardCharsets.UTF_8));

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(stream.events())
                    .extracting(SseClient.Event::id).containsExactly(first.id().toString(), second.id().toString()));
        }
    }

    @Test
    void aStreamEndsWhenTheTokenThatOpenedItExpires() {
        try (SseClient stream = SseClient.open(fx.http(), fx.uri(STREAM),
                TestTokens.mint(Duration.ofSeconds(3), UUID.randomUUID(), "USER"), null)) {
            await().atMost(Duration.ofSeconds(10)).until(stream::connected);
            await().atMost(Duration.ofSeconds(15)).until(stream::ended);
        }
        // expired, though within the verifier's clock skew: refused rather than opened and ended at once
        try (SseClient stream = SseClient.open(fx.http(), fx.uri(STREAM),
                TestTokens.mint(Duration.ofSeconds(-5), UUID.randomUUID(), "USER"), null)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.status() != 0);
            assertThat(stream.status()).isEqualTo(401);
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

    private Notification stored(UUID userId) {
        Notification notification = Notification.about(expired(userId), new NotificationId(UUID.randomUUID()),
                "event-" + UUID.randomUUID(), Instant.now());
        notifications.add(notification);
        return notification;
    }

    private static Occasion expired(UUID userId) {
        return new Occasion.TicketExpired(userId, UUID.randomUUID(), UUID.randomUUID());
    }

    private static Instant createdAt(Map<String, Object> row) {
        return ((Timestamp) row.get("created_at")).toInstant();
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
