package io.ticketing.platform.inbox;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.ticketing.platform.messaging.MessageHeaders;
import io.ticketing.platform.messaging.Streams;
import io.ticketing.platform.test.MessagingFixture;
import io.ticketing.proto.events.v1.UserRegistered;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DurableConsumerIT {

    private static MessagingFixture fx;
    private DurableConsumer consumer;

    /** Test-controlled behaviour of the handler, by e-mail. */
    private static final Set<String> failAlways = ConcurrentHashMap.newKeySet();
    private static final ConcurrentHashMap<String, AtomicInteger> failTimes = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, AtomicInteger> errorTimes = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, AtomicInteger> databaseDownTimes = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Long> lastDelivery = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        fx = MessagingFixture.start("durable_consumer_it");
        fx.jdbc.sql("CREATE TABLE effect (email text NOT NULL)").update();
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    @AfterEach
    void stopConsumer() {
        if (consumer != null) {
            consumer.stop();
        }
    }

    private void startConsumer(String durable, String subject) throws Exception {
        ConsumerDefinition definition = ConsumerDefinition.durable(durable, Streams.USERS, subject)
                .maxDeliver(3)
                .on(UserRegistered.getDefaultInstance(), (event, context) -> {
                    attempts.computeIfAbsent(event.getEmail(), k -> new AtomicInteger()).incrementAndGet();
                    lastDelivery.put(event.getEmail(), context.deliveryCount());
                    fx.jdbc.sql("INSERT INTO effect (email) VALUES (?)").param(event.getEmail()).update();
                    AtomicInteger down = databaseDownTimes.get(event.getEmail());
                    if (down != null && down.getAndDecrement() > 0) {
                        throw new DataAccessResourceFailureException("database restarting");
                    }
                    AtomicInteger errors = errorTimes.get(event.getEmail());
                    if (errors != null && errors.getAndDecrement() > 0) {
                        throw new StackOverflowError("handler error for " + event.getEmail());
                    }
                    AtomicInteger remaining = failTimes.get(event.getEmail());
                    if (failAlways.contains(event.getEmail())
                            || (remaining != null && remaining.getAndDecrement() > 0)) {
                        throw new IllegalStateException("handler failure for " + event.getEmail());
                    }
                })
                .build();
        consumer = new DurableConsumer(definition, fx.nats, fx.nats.jetStream(), fx.transactions, new Inbox(fx.jdbc),
                new DeadLetters(fx.nats.jetStream(), "platform-test"));
        consumer.start();
    }

    private static void publish(String subject, String messageId, byte[] data) throws Exception {
        Headers headers = new Headers().put(MessageHeaders.MESSAGE_ID, messageId);
        fx.nats.jetStream().publish(NatsMessage.builder().subject(subject).headers(headers).data(data).build());
    }

    private static long effects(String email) {
        return fx.jdbc.sql("SELECT count(*) FROM effect WHERE email = ?").param(email).query(Long.class).single();
    }

    private static List<Message> deadLetters() throws Exception {
        JetStreamSubscription sub = fx.nats.jetStream().subscribe("dlq.platform-test", PullSubscribeOptions.builder()
                .configuration(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.All).build()).build());
        List<Message> all = new java.util.ArrayList<>();
        List<Message> batch;
        do {
            batch = sub.fetch(100, Duration.ofMillis(300));
            all.addAll(batch);
        } while (!batch.isEmpty());
        sub.unsubscribe();
        return all;
    }

    @Test
    void messageDeliveredTwiceHasOneEffect() throws Exception {
        startConsumer("twice", "users.events.twice.>");
        consumer.stop();
        publish("users.events.twice.UserRegistered", UUID.randomUUID().toString(),
                UserRegistered.newBuilder().setEmail("twice@example.com").build().toByteArray());
        JetStreamSubscription sub = fx.nats.jetStream().subscribe("users.events.twice.>", PullSubscribeOptions.builder()
                .configuration(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.All).build()).build());
        Message delivery = sub.fetch(1, Duration.ofSeconds(2)).get(0);

        // a redelivery after a lost ack, alone and inside a batch
        consumer.process(List.of(delivery));
        consumer.process(List.of(delivery));
        consumer.process(List.of(delivery, delivery));

        assertThat(attempts.get("twice@example.com").get()).isEqualTo(1);
        assertThat(effects("twice@example.com")).isEqualTo(1);
    }

    @Test
    void batchesLockingRowsByKeyInOppositeOrdersWaitForEachOtherInsteadOfDeadlocking() throws Exception {
        fx.jdbc.sql("CREATE TABLE user_lock (user_id text PRIMARY KEY)").update();
        AtomicInteger handled = new AtomicInteger();
        ConsumerDefinition definition = ConsumerDefinition.durable("ordered", Streams.USERS, "users.events.ordered.>")
                .on(UserRegistered.getDefaultInstance(), (event, context) -> {
                    handled.incrementAndGet();
                    fx.jdbc.sql("INSERT INTO user_lock VALUES (?) ON CONFLICT (user_id) DO UPDATE SET user_id = ?")
                            .params(event.getUserId(), event.getUserId()).update();
                    // long enough for both batches to hold their first lock when they ask for their second
                    sleep(300);
                }, UserRegistered::getUserId)
                .build();
        DurableConsumer ordered = new DurableConsumer(definition, fx.nats, fx.nats.jetStream(), fx.transactions,
                new Inbox(fx.jdbc), new DeadLetters(fx.nats.jetStream(), "platform-test"));
        for (String user : new String[] {"ann", "bob", "bob", "ann"}) {
            publish("users.events.ordered.UserRegistered", UUID.randomUUID().toString(),
                    UserRegistered.newBuilder().setUserId(user).build().toByteArray());
        }
        JetStreamSubscription sub = fx.nats.jetStream().subscribe("users.events.ordered.>", PullSubscribeOptions
                .builder().configuration(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.All).build())
                .build());
        List<Message> deliveries = sub.fetch(4, Duration.ofSeconds(2));
        assertThat(deliveries).hasSize(4);

        // one batch for Ann then Bob, one for Bob then Ann, in two transactions at once
        Thread first = Thread.ofVirtual().start(() -> ordered.process(deliveries.subList(0, 2)));
        Thread second = Thread.ofVirtual().start(() -> ordered.process(deliveries.subList(2, 4)));
        first.join();
        second.join();

        assertThat(handled.get()).as("both batches committed whole: none was a deadlock victim handled again")
                .isEqualTo(4);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void failingHandlerIsRetriedUntilItSucceeds() throws Exception {
        startConsumer("retry", "users.events.retry.>");
        failTimes.put("retry@example.com", new AtomicInteger(1));
        publish("users.events.retry.UserRegistered", UUID.randomUUID().toString(),
                UserRegistered.newBuilder().setEmail("retry@example.com").build().toByteArray());

        await().atMost(Duration.ofSeconds(15)).until(() -> effects("retry@example.com") == 1);
        assertThat(attempts.get("retry@example.com").get()).isEqualTo(2);
    }

    @Test
    void anErrorInAHandlerFailsItsMessageAndTheConsumerGoesOn() throws Exception {
        startConsumer("error", "users.events.error.>");
        errorTimes.put("error@example.com", new AtomicInteger(1));
        publish("users.events.error.UserRegistered", UUID.randomUUID().toString(),
                UserRegistered.newBuilder().setEmail("error@example.com").build().toByteArray());
        publish("users.events.error.UserRegistered", UUID.randomUUID().toString(),
                UserRegistered.newBuilder().setEmail("after-error@example.com").build().toByteArray());

        await().atMost(Duration.ofSeconds(15)).until(() -> effects("error@example.com") == 1
                && effects("after-error@example.com") == 1);
        assertThat(attempts.get("error@example.com").get()).as("retried after the error").isEqualTo(2);
    }

    @Test
    void anOutageOfTheDatabaseUsesUpNoDeliveries() throws Exception {
        startConsumer("outage", "users.events.outage.>");
        databaseDownTimes.put("outage@example.com", new AtomicInteger(4));
        publish("users.events.outage.UserRegistered", UUID.randomUUID().toString(),
                UserRegistered.newBuilder().setEmail("outage@example.com").build().toByteArray());

        // four failed attempts, one more than maxDeliver(3), then the database is back
        await().atMost(Duration.ofSeconds(30)).until(() -> effects("outage@example.com") == 1);
        assertThat(attempts.get("outage@example.com").get()).isEqualTo(5);
        assertThat(lastDelivery.get("outage@example.com")).as("retried in place, not redelivered").isEqualTo(1);
        assertThat(deadLetters()).noneSatisfy(m -> assertThat(m.getHeaders().getFirst(MessageHeaders.DLQ_ERROR))
                .contains("database restarting"));
    }

    @Test
    void aMessageLeavesAnOutageWithItsWholeRetryBudget() throws Exception {
        startConsumer("budget", "users.events.budget.>");
        databaseDownTimes.put("budget@example.com", new AtomicInteger(5));
        failTimes.put("budget@example.com", new AtomicInteger(1));
        publish("users.events.budget.UserRegistered", UUID.randomUUID().toString(),
                UserRegistered.newBuilder().setEmail("budget@example.com").build().toByteArray());

        // five attempts meet the outage, the sixth a failure of its own: redelivered, not dead-lettered
        await().atMost(Duration.ofSeconds(30)).until(() -> effects("budget@example.com") == 1);
        assertThat(lastDelivery.get("budget@example.com")).isEqualTo(2);
        assertThat(deadLetters()).noneSatisfy(m -> assertThat(m.getHeaders().getFirst(MessageHeaders.DLQ_ERROR))
                .contains("budget@example.com"));
    }

    @Test
    void poisonMessagesAreDeadLetteredAndTheNextIsProcessed() throws Exception {
        startConsumer("poison", "users.events.poison.>");
        failAlways.add("always@example.com");
        String garbageId = UUID.randomUUID().toString();
        publish("users.events.poison.UserRegistered", garbageId, new byte[] {(byte) 0xff, 0x01, 0x02});
        publish("users.events.poison.UserRegistered", UUID.randomUUID().toString(),
                UserRegistered.newBuilder().setEmail("always@example.com").build().toByteArray());
        publish("users.events.poison.UserRegistered", UUID.randomUUID().toString(),
                UserRegistered.newBuilder().setEmail("after@example.com").build().toByteArray());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(effects("after@example.com")).isEqualTo(1);
            List<Message> dead = deadLetters();
            assertThat(dead).extracting(m -> m.getHeaders().getFirst(MessageHeaders.DLQ_ERROR))
                    .anySatisfy(e -> assertThat(e).contains("Protocol message"))
                    .anySatisfy(e -> assertThat(e).contains("handler failure for always@example.com"));
        });
        // dead-lettered after exactly maxDeliver deliveries, and its failed attempts left no effect
        assertThat(deadLetters()).filteredOn(m -> m.getHeaders().getFirst(MessageHeaders.DLQ_ERROR).contains("always@"))
                .singleElement()
                .satisfies(m -> assertThat(m.getHeaders().getFirst(MessageHeaders.DLQ_DELIVERIES)).isEqualTo("3"));
        assertThat(effects("always@example.com")).isZero();
    }
}
