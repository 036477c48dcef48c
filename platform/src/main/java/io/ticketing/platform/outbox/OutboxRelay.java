package io.ticketing.platform.outbox;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nats.client.JetStream;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.ticketing.platform.messaging.MessageHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes pending outbox rows to JetStream and marks them sent.
 * <p>
 * One round: claim up to {@code batchSize} pending rows, oldest transaction first and in the order each wrote
 * them (ids increase: {@link io.ticketing.platform.messaging.Ids}), with {@code FOR UPDATE SKIP LOCKED} (so relays on
 * several replicas share the work), publish them all asynchronously with {@code Nats-Msg-Id} = row id, wait
 * for every PubAck, then mark the rows published in the same transaction. A crash between publish and
 * commit republishes the rows, and JetStream's de-duplication window drops the second copy. While NATS is
 * unreachable the round fails, the rows stay pending, and the relay backs off exponentially.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofMinutes(1);
    private static final TypeReference<Map<String, String>> HEADER_MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JetStream jetStream;
    private final JsonMapper json;
    private final OutboxProperties properties;
    private final Timer publishLag;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread worker;
    private volatile Instant lastPurge = Instant.EPOCH;
    private Instant lastFailureLogged = Instant.EPOCH;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, JetStream jetStream, JsonMapper json,
            OutboxProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.jetStream = jetStream;
        this.json = json;
        this.properties = properties;
        this.publishLag = Timer.builder("outbox.publish.lag")
                .description("Time from outbox append to PubAck")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        Gauge.builder("outbox.pending", this, OutboxRelay::pendingCount)
                .description("Outbox rows not yet published")
                .register(meters);
    }

    /** Asks the relay to look for rows now instead of at its next poll. */
    public void wakeUp() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    public long pendingCount() {
        return jdbc.sql("SELECT count(*) FROM outbox_message WHERE published_at IS NULL").query(Long.class).single();
    }

    /**
     * Publishes one batch; returns how many rows went out. Public so tests and benchmarks can drive the
     * relay step by step.
     */
    public int relayOnce() {
        Integer sent = transactions.execute(status -> {
            List<PendingRow> rows = jdbc.sql("""
                            SELECT id, subject, payload, headers::text AS headers, created_at
                            FROM outbox_message
                            WHERE published_at IS NULL
                            ORDER BY created_at, id
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED""")
                    .param("limit", properties.batchSize())
                    .query((rs, n) -> new PendingRow(rs.getObject("id", UUID.class), rs.getString("subject"),
                            rs.getBytes("payload"), rs.getString("headers"), rs.getTimestamp("created_at")))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            publishAll(rows);
            jdbc.sql("UPDATE outbox_message SET published_at = now() WHERE id = ANY(:ids)")
                    .param("ids", rows.stream().map(PendingRow::id).toArray(UUID[]::new))
                    .update();
            Instant now = Instant.now();
            rows.forEach(row -> publishLag.record(Duration.between(row.createdAt().toInstant(), now)));
            return rows.size();
        });
        return sent == null ? 0 : sent;
    }

    private void publishAll(List<PendingRow> rows) {
        List<CompletableFuture<PublishAck>> acks = new ArrayList<>(rows.size());
        for (PendingRow row : rows) {
            Headers headers = new Headers();
            json.readValue(row.headers(), HEADER_MAP).forEach(headers::put);
            headers.put(MessageHeaders.MESSAGE_ID, row.id().toString());
            Message message = NatsMessage.builder().subject(row.subject()).headers(headers).data(row.payload()).build();
            acks.add(jetStream.publishAsync(message, PublishOptions.builder().messageId(row.id().toString()).build()));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PubAcks", e);
        } catch (Exception e) {
            throw new IllegalStateException("JetStream did not acknowledge the batch: " + e.getMessage(), e);
        }
    }

    /** Deletes published rows and old inbox records past their retention. */
    public void purge() {
        Instant now = Instant.now();
        int sent = jdbc.sql("DELETE FROM outbox_message WHERE published_at < :before")
                .param("before", Timestamp.from(now.minus(properties.keepSent()))).update();
        int seen = jdbc.sql("DELETE FROM inbox_message WHERE processed_at < :before")
                .param("before", Timestamp.from(now.minus(properties.keepInbox()))).update();
        if (sent + seen > 0) {
            log.debug("Purged {} published outbox rows and {} inbox records", sent, seen);
        }
        lastPurge = now;
    }

    private void loop() {
        long backoffMillis = 0;
        boolean failing = false;
        while (running) {
            try {
                int sent = relayOnce();
                if (failing) {
                    log.info("Outbox relay recovered");
                    failing = false;
                }
                backoffMillis = 0;
                if (Duration.between(lastPurge, Instant.now()).toMinutes() >= 1) {
                    purge();
                }
                if (sent < properties.batchSize()) {
                    wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // an Error too: a relay thread that ended would leave the service looking healthy, publishing nothing
                backoffMillis = Math.min(Math.max(backoffMillis * 2, 100), properties.maxBackoff().toMillis());
                Instant now = Instant.now();
                if (!failing || Duration.between(lastFailureLogged, now).compareTo(FAILURE_LOG_INTERVAL) >= 0) {
                    // again while it lasts: a relay failing for an hour must not look like one failing once
                    log.warn("Outbox relay cannot publish{}, retrying with backoff: {}",
                            failing ? " (still)" : "", e.getMessage());
                    lastFailureLogged = now;
                    failing = true;
                }
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        if (!properties.relayEnabled() || running) {
            return;
        }
        running = true;
        worker = Thread.ofVirtual().name("outbox-relay").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            current.interrupt();
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

    private record PendingRow(UUID id, String subject, byte[] payload, String headers, Timestamp createdAt) {
    }
}
