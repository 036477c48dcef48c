package io.ticketing.platform.messaging;

/** Names of the NATS headers every message carries (see ARCHITECTURE.md, Messaging). */
public final class MessageHeaders {

    public static final String MESSAGE_ID = "Nats-Msg-Id";
    public static final String EVENT_TYPE = "event-type";
    public static final String CONTENT_TYPE = "content-type";
    public static final String CORRELATION_ID = "correlation-id";
    public static final String CAUSATION_ID = "causation-id";
    public static final String TRACEPARENT = "traceparent";
    public static final String USER_ID = "user-id";
    public static final String ROLES = "roles";
    /** On a request: when its sender stops waiting for the reply, in milliseconds since the epoch. */
    public static final String DEADLINE = "deadline";

    public static final String DLQ_CONSUMER = "dlq-consumer";
    public static final String DLQ_SUBJECT = "dlq-original-subject";
    public static final String DLQ_ERROR = "dlq-error";
    public static final String DLQ_DELIVERIES = "dlq-deliveries";

    public static final String PROTOBUF = "application/x-protobuf";

    private MessageHeaders() {
    }
}
