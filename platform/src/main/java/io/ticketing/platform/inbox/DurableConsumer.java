package io.ticketing.platform.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.google.protobuf.InvalidProtocolBufferException;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.ticketing.platform.messaging.InboundContext;
import io.ticketing.platform.messaging.MessageHeaders;
import io.ticketing.platform.messaging.Subjects;
import io.ticketing.platform.tracing.Correlation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one {@link ConsumerDefinition}: a durable pull consumer with explicit acks, shared by every replica.
 * <p>
 * A fetched batch is handled in one database transaction (inbox records and effects together), then
 * acknowledged; if any message of the batch fails, the batch is rolled back and its messages are retried
 * one by one, so one bad message never blocks or duplicates the others. A failing message is negatively
 * acknowledged with a growing delay (at most 30 s); past the delivery limit, or at once when it cannot be parsed,
 * it is copied to the dead-letter subject and acknowledged. Failures that say nothing about the message (the
 * database down, restarting or read-only, a lock conflict: {@link TransientFailures}) are retried in place for as
 * long as they last, without counting as deliveries; the delivery limit is the client's to apply and the server's
 * is unlimited, since a message redelivered after a crash must not be dropped by the server either.
 */
public class DurableConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DurableConsumer.class);
    private static final Duration PULL_EXPIRY = Duration.ofSeconds(1);
    private static final Duration BUFFERED = Duration.ofMillis(1);
    private static final int UNLIMITED_DELIVERIES = -1;
    private static final Duration FIRST_TRANSIENT_PAUSE = Duration.ofMillis(100);
    /** At most half the ack wait, so that the in-progress signal sent before each pause keeps the messages here. */
    private static final Duration LAST_TRANSIENT_PAUSE = Duration.ofSeconds(10);

    private final ConsumerDefinition definition;
    private final Connection connection;
    private final JetStream jetStream;
    private final TransactionTemplate transactions;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private volatile boolean running;
    private volatile @Nullable Thread worker;

    public DurableConsumer(ConsumerDefinition definition, Connection connection, JetStream jetStream,
            TransactionTemplate transactions, Inbox inbox, DeadLetters deadLetters) {
        this.definition = definition;
        this.connection = connection;
        this.jetStream = jetStream;
        this.transactions = transactions;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
    }

    @Override
    public void start() {
        try {
            connection.jetStreamManagement().addOrUpdateConsumer(definition.stream(), ConsumerConfiguration.builder()
                    .durable(definition.durableName())
                    .filterSubject(definition.filterSubject())
                    .ackPolicy(AckPolicy.Explicit)
                    .deliverPolicy(DeliverPolicy.All)
                    .ackWait(definition.ackWait())
                    .maxDeliver(UNLIMITED_DELIVERIES)
                    .maxAckPending(10_000)
                    .build());
            JetStreamSubscription subscription = jetStream.subscribe(null,
                    PullSubscribeOptions.bind(definition.stream(), definition.durableName()));
            running = true;
            worker = Thread.ofVirtual().name("consumer-" + definition.durableName()).start(() -> loop(subscription));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start consumer " + definition.durableName(), e);
        }
    }

    /**
     * Keeps one pull request for a batch open, takes the first message as soon as it arrives and then only
     * what is already buffered, so a lone message is handled at once while a burst is handled as a batch.
     */
    private void loop(JetStreamSubscription subscription) {
        long backoffMillis = 0;
        int outstanding = 0;
        long pullExpiresAt = 0;
        while (running) {
            try {
                long now = System.nanoTime();
                if (outstanding <= 0 || now >= pullExpiresAt) {
                    subscription.pullExpiresIn(definition.batchSize(), PULL_EXPIRY);
                    outstanding = definition.batchSize();
                    pullExpiresAt = now + PULL_EXPIRY.toNanos();
                }
                // never wait past the open pull's end: when its expiry notice (408) is taken by the buffered reads
                // below, waiting longer would leave no pull open on the server, and messages waiting, for up to
                // PULL_EXPIRY (seen as a 1 s stall of the booking saga in bench/RESULTS.md)
                Message first = subscription.nextMessage(Duration.ofNanos(pullExpiresAt - now));
                if (first == null) {
                    outstanding = 0;
                    continue;
                }
                List<Message> batch = new ArrayList<>();
                batch.add(first);
                Message next;
                while (batch.size() < outstanding && (next = subscription.nextMessage(BUFFERED)) != null) {
                    batch.add(next);
                }
                outstanding -= batch.size();
                process(batch);
                backoffMillis = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // an Error too: this thread is the consumer, and one that ended would leave the service looking
                // healthy while it consumes nothing
                if (!running) {
                    return;
                }
                outstanding = 0;
                backoffMillis = Math.min(Math.max(backoffMillis * 2, 100), 5_000);
                log.warn("Consumer {} cannot fetch ({}); retrying in {} ms", definition.durableName(), e.getMessage(),
                        backoffMillis);
                sleep(backoffMillis);
            }
        }
    }

    /** Handles one fetched batch. Visible for tests that drive a consumer without its loop. */
    void process(List<Message> batch) {
        List<Parsed<?>> parsed = new ArrayList<>(batch.size());
        for (Message message : batch) {
            Parsed<?> p = parse(message);
            if (p != null) {
                parsed.add(p);
            }
        }
        if (parsed.isEmpty()) {
            return;
        }
        // List.sort is stable: messages with the same key (or none) keep their order
        parsed.sort(Comparator.comparing(Parsed::lockKey, Comparator.nullsFirst(Comparator.naturalOrder())));
        if (parsed.size() > 1) {
            try {
                transactions.executeWithoutResult(status -> parsed.forEach(this::handleInTransaction));
                parsed.forEach(p -> p.message().ack());
                return;
            } catch (RuntimeException | Error batchFailure) {
                log.debug("Batch of {} failed, retrying one by one: {}", parsed.size(), batchFailure.getMessage());
            }
        }
        for (int i = 0; i < parsed.size(); i++) {
            processOne(parsed.get(i), parsed.subList(i, parsed.size()));
        }
    }

    /**
     * Handles one message in its own transaction. A transient failure is retried here, after a growing pause,
     * rather than negatively acknowledged: the message keeps its delivery count, so an outage leaves every message
     * its whole budget for failures of its own. Meanwhile the messages still waiting ({@code pending}, this one
     * first) are reported in progress, so the server does not hand them to another replica.
     */
    private void processOne(Parsed<?> p, List<Parsed<?>> pending) {
        long pauseMillis = FIRST_TRANSIENT_PAUSE.toMillis();
        while (true) {
            try {
                transactions.executeWithoutResult(status -> handleInTransaction(p));
                p.message().ack();
                return;
            } catch (RuntimeException | Error e) {
                // a handler's Error (a stack overflow, an assertion) fails its message like an exception
                if (!running || !TransientFailures.isTransient(e)) {
                    fail(p.message(), p.context().messageId(), e);
                    return;
                }
                log.warn("Handling {} on {} failed for a reason outside the message, retrying in {} ms: {}",
                        p.context().messageId(), p.message().getSubject(), pauseMillis, e.toString());
                pending.forEach(waiting -> waiting.message().inProgress());
                sleep(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2,
                        Math.min(LAST_TRANSIENT_PAUSE.toMillis(), definition.ackWait().toMillis() / 2));
            }
        }
    }

    private <T extends com.google.protobuf.Message> void handleInTransaction(Parsed<T> p) {
        InboundContext context = p.context();
        try (Correlation.Scope ignored = Correlation.open(context.correlationId(), context.messageId(),
                context.traceparent())) {
            if (inbox.firstDelivery(definition.durableName(), context.messageId())) {
                p.route().handler().handle(p.payload(), context);
            } else {
                log.debug("Skipping duplicate {} on {}", context.messageId(), context.subject());
            }
        }
    }

    private @Nullable Parsed<?> parse(Message message) {
        String messageId = messageId(message);
        ConsumerDefinition.Route<?> route = definition.routes().get(Subjects.typeName(message.getSubject()));
        if (route == null) {
            message.ack();
            return null;
        }
        try {
            return toParsed(message, messageId, route);
        } catch (InvalidProtocolBufferException e) {
            deadLetter(message, messageId, e);
            return null;
        }
    }

    private <T extends com.google.protobuf.Message> Parsed<T> toParsed(Message message, String messageId,
            ConsumerDefinition.Route<T> route) throws InvalidProtocolBufferException {
        T payload = route.parser().parseFrom(message.getData());
        InboundContext context = InboundContext.from(messageId, message.getSubject(), message.getHeaders(),
                message.metaData().deliveredCount());
        return new Parsed<>(message, route, payload, context,
                route.lockKey() == null ? null : route.lockKey().apply(payload));
    }

    private void fail(Message message, String messageId, Throwable error) {
        long delivered = message.metaData().deliveredCount();
        if (delivered >= definition.maxDeliver() && !TransientFailures.isTransient(error)) {
            deadLetter(message, messageId, error);
        } else {
            Duration delay = Duration.ofMillis(Math.min(200L << Math.min(delivered, 10), 30_000));
            log.warn("Handling {} on {} failed (delivery {}), retrying in {}: {}", messageId, message.getSubject(),
                    delivered, delay, error.toString());
            message.nakWithDelay(delay);
        }
    }

    private void deadLetter(Message message, String messageId, Throwable error) {
        try {
            deadLetters.send(definition.durableName(), message, messageId, error);
            message.ack();
        } catch (Exception publishFailure) {
            // keep it in the stream: it is redelivered and dead-lettered once NATS accepts the copy
            log.error("Cannot dead-letter {}: {}", messageId, publishFailure.getMessage());
            message.nakWithDelay(Duration.ofSeconds(5));
        }
    }

    private static String messageId(Message message) {
        String id = message.getHeaders() == null ? null : message.getHeaders().getFirst(MessageHeaders.MESSAGE_ID);
        if (id != null && !id.isBlank()) {
            return id;
        }
        return message.metaData().getStream() + ":" + message.metaData().streamSequence();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            try {
                current.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Parsed<T extends com.google.protobuf.Message>(Message message, ConsumerDefinition.Route<T> route,
            T payload, InboundContext context, @Nullable String lockKey) {
    }
}
