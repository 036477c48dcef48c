package io.ticketing.platform.outbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.ticketing.platform.messaging.MessageHeaders;
import io.ticketing.platform.test.MessagingFixture;
import io.ticketing.platform.test.TestNats;
import io.ticketing.proto.events.v1.UserRegistered;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class OutboxRelayIT {

    private static final DataSize MAX_MESSAGE = DataSize.ofKilobytes(64);

    private static MessagingFixture fx;
    private static OutboxWriter writer;

    @BeforeAll
    static void start() throws Exception {
        fx = MessagingFixture.start("outbox_relay_it");
        writer = new OutboxWriter(fx.jdbc, JsonMapper.builder().build(), () -> { }, MAX_MESSAGE.toBytes());
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    private static OutboxRelay relay() throws Exception {
        return new OutboxRelay(fx.jdbc, fx.transactions, fx.nats.jetStream(), JsonMapper.builder().build(),
                new OutboxProperties(false, 100, Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofMillis(500),
                        Duration.ofHours(1), Duration.ofDays(7), MAX_MESSAGE),
                new SimpleMeterRegistry());
    }

    private static UserRegistered event(String email) {
        return UserRegistered.newBuilder().setUserId(UUID.randomUUID().toString()).setEmail(email).build();
    }

    private static String subject() {
        return "users.events.UserRegistered";
    }

    /** Every message in the USERS stream carrying the given e-mail, read with an ephemeral consumer. */
    private static List<Message> messagesFor(String email) throws Exception {
        JetStreamSubscription sub = fx.nats.jetStream().subscribe(subject(), PullSubscribeOptions.builder()
                .configuration(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.All)
                        .inactiveThreshold(Duration.ofSeconds(30)).build())
                .build());
        List<Message> found = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sub.fetch(500, Duration.ofMillis(300));
            for (Message m : batch) {
                m.ack();
                if (UserRegistered.parseFrom(m.getData()).getEmail().equals(email)) {
                    found.add(m);
                }
            }
        } while (!batch.isEmpty());
        sub.unsubscribe();
        return found;
    }

    @Test
    void committedRowIsPublishedExactlyOnceWithItsId() throws Exception {
        UUID id = fx.transactions.execute(s -> writer.append(subject(), event("committed@example.com")));

        assertThat(relay().relayOnce()).isGreaterThanOrEqualTo(1);

        List<Message> messages = messagesFor("committed@example.com");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).getHeaders().getFirst(MessageHeaders.MESSAGE_ID)).isEqualTo(id.toString());
        assertThat(messages.get(0).getHeaders().getFirst(MessageHeaders.EVENT_TYPE))
                .isEqualTo("ticketing.events.v1.UserRegistered");
        assertThat(fx.jdbc.sql("SELECT published_at IS NOT NULL FROM outbox_message WHERE id = ?").param(id)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void theEventsOfOneTransactionArePublishedInTheOrderTheyWereWritten() throws Exception {
        String email = "ordered-" + UUID.randomUUID() + "@example.com";
        List<UUID> written = fx.transactions.execute(s -> java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> writer.append(subject(), event(email))).toList());

        while (relay().relayOnce() > 0) {
            // drain
        }

        assertThat(messagesFor(email)).extracting(m -> m.getHeaders().getFirst(MessageHeaders.MESSAGE_ID))
                .containsExactlyElementsOf(written.stream().map(UUID::toString).toList());
    }

    @Test
    void aMessageTooLargeForNatsFailsItsTransactionInsteadOfStoppingTheRelay() throws Exception {
        UserRegistered huge = UserRegistered.newBuilder().setUserId(UUID.randomUUID().toString())
                .setEmail("huge@example.com").setFullName("x".repeat((int) MAX_MESSAGE.toBytes())).build();

        assertThatThrownBy(() -> fx.transactions.executeWithoutResult(s -> writer.append(subject(), huge)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than NATS accepts");

        assertThat(fx.jdbc.sql("SELECT count(*) FROM outbox_message WHERE payload = :payload")
                .param("payload", huge.toByteArray()).query(Long.class).single()).isZero();
    }

    @Test
    void rolledBackTransactionPublishesNothing() throws Exception {
        fx.transactions.executeWithoutResult(s -> {
            writer.append(subject(), event("rolledback@example.com"));
            s.setRollbackOnly();
        });

        relay().relayOnce();

        assertThat(messagesFor("rolledback@example.com")).isEmpty();
    }

    @Test
    void rowPublishedButNotMarkedIsRepublishedAndDeduplicated() throws Exception {
        UUID id = fx.transactions.execute(s -> writer.append(subject(), event("crash@example.com")));
        relay().relayOnce();
        // simulate a relay that crashed after the PubAck but before its commit: the row is pending again
        fx.jdbc.sql("UPDATE outbox_message SET published_at = NULL WHERE id = ?").param(id).update();

        relay().relayOnce();

        assertThat(messagesFor("crash@example.com")).hasSize(1);
        assertThat(fx.jdbc.sql("SELECT count(*) FROM outbox_message WHERE published_at IS NULL").query(Long.class)
                .single()).isZero();
    }

    @Test
    void anErrorWhilePublishingIsRetriedLikeAnyFailureInsteadOfEndingTheRelay() throws Exception {
        JetStream real = fx.nats.jetStream();
        AtomicInteger errorsLeft = new AtomicInteger(1);
        // the real JetStream, but its first publish throws an Error (a stack overflow, say) instead of returning
        JetStream failingOnce = (JetStream) Proxy.newProxyInstance(JetStream.class.getClassLoader(),
                new Class<?>[] {JetStream.class}, (proxy, method, args) -> {
                    if (method.getName().equals("publishAsync") && errorsLeft.getAndDecrement() > 0) {
                        throw new StackOverflowError("while publishing");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        OutboxRelay relay = new OutboxRelay(fx.jdbc, fx.transactions, failingOnce, JsonMapper.builder().build(),
                new OutboxProperties(true, 100, Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofMillis(300),
                        Duration.ofHours(1), Duration.ofDays(7), MAX_MESSAGE),
                new SimpleMeterRegistry());
        fx.transactions.executeWithoutResult(s -> writer.append(subject(), event("error@example.com")));
        relay.start();
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(relay.pendingCount()).isZero());
        } finally {
            relay.stop();
        }
        assertThat(errorsLeft.get()).as("the error was met").isNegative();
        assertThat(messagesFor("error@example.com")).hasSize(1);
    }

    @Test
    void rowsWaitWhileNatsIsDownAndGoOutWhenItReturns() throws Exception {
        TestNats nats = TestNats.controllable();
        OutboxRelay relay = new OutboxRelay(fx.jdbc, fx.transactions, fx.nats.jetStream(),
                JsonMapper.builder().build(),
                new OutboxProperties(true, 100, Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofMillis(300),
                        Duration.ofHours(1), Duration.ofDays(7), MAX_MESSAGE),
                new SimpleMeterRegistry());
        nats.stop();
        try {
            fx.transactions.executeWithoutResult(s -> writer.append(subject(), event("outage@example.com")));
            relay.start();
            Thread.sleep(1500);
            assertThat(relay.pendingCount()).isGreaterThanOrEqualTo(1);
        } finally {
            nats.start();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(relay.pendingCount()).isZero());
        relay.stop();
        assertThat(messagesFor("outage@example.com")).hasSize(1);
    }
}
