package io.ticketing.platform.tracing;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The correlation context of the work in progress, kept in the logging MDC so every log line carries it
 * and the outbox copies it into the headers of the events the work causes.
 */
public final class Correlation {

    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String TRACEPARENT = "traceparent";
    public static final String HTTP_HEADER = "X-Correlation-Id";

    private Correlation() {
    }

    public static @Nullable String correlationId() {
        return MDC.get(CORRELATION_ID);
    }

    public static @Nullable String causationId() {
        return MDC.get(CAUSATION_ID);
    }

    public static @Nullable String traceparent() {
        return MDC.get(TRACEPARENT);
    }

    /** Opens a scope; closing it restores an empty context. */
    public static Scope open(@Nullable String correlationId, @Nullable String causationId,
            @Nullable String traceparent) {
        MDC.put(CORRELATION_ID,
                correlationId == null || correlationId.isBlank() ? UUID.randomUUID().toString() : correlationId);
        putOrRemove(CAUSATION_ID, causationId);
        putOrRemove(TRACEPARENT, traceparent);
        return () -> {
            MDC.remove(CORRELATION_ID);
            MDC.remove(CAUSATION_ID);
            MDC.remove(TRACEPARENT);
        };
    }

    private static void putOrRemove(String key, @Nullable String value) {
        if (value == null || value.isBlank()) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
