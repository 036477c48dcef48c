package io.ticketing.platform.inbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;

/**
 * A durable JetStream consumer and the handlers it dispatches to, by message type (the subject's last
 * token). Messages of types without a handler are acknowledged and skipped: a consumer only cares about
 * some of a stream's events.
 * <pre>{@code
 * ConsumerDefinition.durable("train-ticket-events", Streams.TICKETS, "tickets.events.>")
 *     .on(TicketRequested.getDefaultInstance(), requested::handle)
 *     .build();
 * }</pre>
 */
public record ConsumerDefinition(
        String durableName,
        String stream,
        String filterSubject,
        int maxDeliver,
        Duration ackWait,
        int batchSize,
        Map<String, Route<?>> routes) {

    public record Route<T extends Message>(Parser<T> parser, MessageHandler<T> handler) {
    }

    public static Builder durable(String durableName, String stream, String filterSubject) {
        return new Builder(durableName, stream, filterSubject);
    }

    public static final class Builder {
        private final String durableName;
        private final String stream;
        private final String filterSubject;
        private int maxDeliver = 5;
        private Duration ackWait = Duration.ofSeconds(30);
        private int batchSize = 100;
        private final Map<String, Route<?>> routes = new LinkedHashMap<>();

        private Builder(String durableName, String stream, String filterSubject) {
            this.durableName = durableName;
            this.stream = stream;
            this.filterSubject = filterSubject;
        }

        @SuppressWarnings("unchecked")
        public <T extends Message> Builder on(T prototype, MessageHandler<T> handler) {
            routes.put(prototype.getDescriptorForType().getName(),
                    new Route<>((Parser<T>) prototype.getParserForType(), handler));
            return this;
        }

        /** Deliveries of a message that keeps failing before it is dead-lettered; transient failures do not count. */
        public Builder maxDeliver(int maxDeliver) {
            this.maxDeliver = maxDeliver;
            return this;
        }

        public Builder ackWait(Duration ackWait) {
            this.ackWait = ackWait;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public ConsumerDefinition build() {
            return new ConsumerDefinition(durableName, stream, filterSubject, maxDeliver, ackWait, batchSize,
                    Map.copyOf(routes));
        }
    }
}
