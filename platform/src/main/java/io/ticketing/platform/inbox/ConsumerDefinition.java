package io.ticketing.platform.inbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import org.jspecify.annotations.Nullable;

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

    /** @param lockKey what the handler locks rows by, if it says (see {@code Builder.on} with a lock key) */
    public record Route<T extends Message>(Parser<T> parser, MessageHandler<T> handler,
            @Nullable Function<T, String> lockKey) {
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

        public <T extends Message> Builder on(T prototype, MessageHandler<T> handler) {
            return route(prototype, new Route<>(parser(prototype), handler, null));
        }

        /**
         * As {@link #on(Message, MessageHandler)}, for a handler that locks rows by a key of the message (the user
         * it is for, say): each batch is handled in the order of these keys (a stable sort: messages with the same
         * key keep their order), so batch transactions, of this consumer and of any other ordered by the same key,
         * take their locks in one order. They may wait for each other, never deadlock.
         */
        public <T extends Message> Builder on(T prototype, MessageHandler<T> handler, Function<T, String> lockKey) {
            return route(prototype, new Route<>(parser(prototype), handler, lockKey));
        }

        private <T extends Message> Builder route(T prototype, Route<T> route) {
            routes.put(prototype.getDescriptorForType().getName(), route);
            return this;
        }

        @SuppressWarnings("unchecked")
        private static <T extends Message> Parser<T> parser(T prototype) {
            return (Parser<T>) prototype.getParserForType();
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
