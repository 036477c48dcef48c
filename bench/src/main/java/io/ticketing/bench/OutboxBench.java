package io.ticketing.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.ticketing.platform.messaging.MessageHeaders;
import io.ticketing.platform.outbox.OutboxProperties;
import io.ticketing.platform.outbox.OutboxRelay;
import io.ticketing.platform.outbox.OutboxWriter;
import io.ticketing.platform.test.MessagingFixture;
import io.ticketing.proto.events.v1.UserRegistered;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbox relay throughput against its physical limit: raw jnats async JetStream publishing of the same
 * messages to the same server (R3), in the same run.
 */
final class OutboxBench {

    private static final int WINDOW = 1_000;

    static void run(Results results, int messages) throws Exception {
        try (MessagingFixture fx = MessagingFixture.start("bench_outbox")) {
            JetStream js = fx.nats.jetStream();
            byte[] payload = UserRegistered.newBuilder().setUserId(UUID.randomUUID().toString())
                    .setEmail("bench@example.com").setFullName("Bench Mark").build().toByteArray();

            rawPublish(js, payload, messages / 5); // warm-up
            double raw = rawPublish(js, payload, messages);
            results.add("R3 raw JetStream publish", "async, window " + WINDOW + ", " + messages + " msgs",
                    Results.rate(raw), "physical limit of the relay");

            OutboxWriter writer = new OutboxWriter(fx.jdbc, JsonMapper.builder().build(), () -> { },
                    DataSize.ofMegabytes(1).toBytes());
            for (int batch : List.of(100, 500)) {
                OutboxRelay relay = new OutboxRelay(fx.jdbc, fx.transactions, js, JsonMapper.builder().build(),
                        new OutboxProperties(false, batch, Duration.ofMillis(50), Duration.ofSeconds(30),
                                Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofDays(7),
                                DataSize.ofMegabytes(1)),
                        new SimpleMeterRegistry());
                fill(fx, writer, messages);
                long start = System.nanoTime();
                while (relay.relayOnce() > 0) {
                    // drain
                }
                double perSecond = messages / ((System.nanoTime() - start) / 1e9);
                results.add("outbox relay", "drain " + messages + " rows, batch " + batch, Results.rate(perSecond),
                        Results.ratio(perSecond / raw) + " of R3 (goal >= 0.50x)");
            }
        }
    }

    private static void fill(MessagingFixture fx, OutboxWriter writer, int messages) {
        UserRegistered event = UserRegistered.newBuilder().setUserId(UUID.randomUUID().toString())
                .setEmail("bench@example.com").setFullName("Bench Mark").build();
        int perTransaction = 1_000;
        for (int done = 0; done < messages; done += perTransaction) {
            int n = Math.min(perTransaction, messages - done);
            fx.transactions.executeWithoutResult(s -> {
                for (int i = 0; i < n; i++) {
                    writer.append("users.events.UserRegistered", event);
                }
            });
        }
    }

    private static double rawPublish(JetStream js, byte[] payload, int messages) throws Exception {
        List<CompletableFuture<PublishAck>> inFlight = new ArrayList<>(WINDOW);
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            String id = UUID.randomUUID().toString();
            Headers headers = new Headers().put(MessageHeaders.MESSAGE_ID, id)
                    .put(MessageHeaders.EVENT_TYPE, "ticketing.events.v1.UserRegistered");
            inFlight.add(js.publishAsync(NatsMessage.builder().subject("users.events.UserRegistered").headers(headers)
                    .data(payload).build(), PublishOptions.builder().messageId(id).build()));
            if (inFlight.size() == WINDOW) {
                CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
                inFlight.clear();
            }
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        return messages / ((System.nanoTime() - start) / 1e9);
    }

    private OutboxBench() {
    }
}
