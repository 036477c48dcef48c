package io.ticketing.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.google.protobuf.Message;
import io.ticketing.platform.messaging.Ids;
import io.ticketing.platform.messaging.MessageHeaders;
import io.ticketing.platform.tracing.Correlation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends messages to the outbox inside the caller's transaction: the message exists if and only if the
 * state change that caused it commits. The relay is woken after commit so latency stays low. A message NATS would
 * refuse for its size is refused here, failing its transaction where the cause is known: stored, it would stop the
 * relay at that row for good, and every message after it.
 */
public class OutboxWriter {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Runnable relayWakeUp;
    private final long maxMessageBytes;

    public OutboxWriter(JdbcClient jdbc, JsonMapper json, Runnable relayWakeUp, long maxMessageBytes) {
        this.jdbc = jdbc;
        this.json = json;
        this.relayWakeUp = relayWakeUp;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Appends {@code event} for {@code subject}; returns the message id (also its {@code Nats-Msg-Id}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(String subject, Message event) {
        UUID id = Ids.newId();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(MessageHeaders.EVENT_TYPE, event.getDescriptorForType().getFullName());
        headers.put(MessageHeaders.CONTENT_TYPE, MessageHeaders.PROTOBUF);
        putIfPresent(headers, MessageHeaders.CORRELATION_ID, Correlation.correlationId());
        putIfPresent(headers, MessageHeaders.CAUSATION_ID, Correlation.causationId());
        putIfPresent(headers, MessageHeaders.TRACEPARENT, Correlation.traceparent());
        byte[] payload = event.toByteArray();
        String headerJson = json.writeValueAsString(headers);
        // the headers' JSON is a little longer than their NATS form: an estimate that errs on the safe side
        long size = payload.length + headerJson.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxMessageBytes) {
            throw new IllegalArgumentException(event.getDescriptorForType().getName() + " for " + subject + " is "
                    + size + " bytes, more than NATS accepts (" + maxMessageBytes + ")");
        }
        jdbc.sql("""
                        INSERT INTO outbox_message (id, subject, message_type, payload, headers)
                        VALUES (:id, :subject, :type, :payload, CAST(:headers AS jsonb))""")
                .param("id", id)
                .param("subject", subject)
                .param("type", event.getDescriptorForType().getFullName())
                .param("payload", payload)
                .param("headers", headerJson)
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relayWakeUp.run();
                }
            });
        }
        return id;
    }

    private static void putIfPresent(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
