package io.ticketing.train;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.ticketing.platform.messaging.MessageHeaders;
import io.ticketing.platform.messaging.Streams;


/**
 * Reads what train-service publishes, from the TRAINS stream itself (an ordered consumer started before
 * the test acts), and publishes ticket-service's events into the TICKETS stream.
 */
final class TrainEventsProbe implements AutoCloseable {

    private record Received(String subject, byte[] data) {
    }

    private final Connection connection;
    private final JetStream jetStream;
    private final Dispatcher dispatcher;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    TrainEventsProbe(Connection connection) throws Exception {
        this.connection = connection;
        this.jetStream = connection.jetStream();
        this.dispatcher = connection.createDispatcher();
        jetStream.subscribe("trains.events.>", dispatcher, msg -> received.add(new Received(msg.getSubject(),
                        msg.getData())), true,
                PushSubscribeOptions.builder().stream(Streams.TRAINS).ordered(true)
                        .configuration(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.New).build())
                        .build());
    }

    /** Publishes a ticket event the way ticket-service's outbox does, with {@code messageId} as Nats-Msg-Id. */
    void publishTicketEvent(Message event, String messageId) throws Exception {
        Headers headers = new Headers()
                .put(MessageHeaders.MESSAGE_ID, messageId)
                .put(MessageHeaders.EVENT_TYPE, event.getDescriptorForType().getFullName())
                .put(MessageHeaders.CONTENT_TYPE, MessageHeaders.PROTOBUF);
        jetStream.publish(NatsMessage.builder()
                .subject("tickets.events." + event.getDescriptorForType().getName())
                .headers(headers)
                .data(event.toByteArray())
                .build());
    }

    <T extends Message> List<T> all(T prototype, Predicate<T> match) {
        @SuppressWarnings("unchecked")
        Parser<T> parser = (Parser<T>) prototype.getParserForType();
        String subject = "trains.events." + prototype.getDescriptorForType().getName();
        return received.stream().filter(r -> r.subject().equals(subject)).map(r -> parse(parser, r.data()))
                .filter(match).toList();
    }

    <T extends Message> T await(T prototype, Predicate<T> match) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> all(prototype, match), l -> !l.isEmpty())
                .getFirst();
    }

    private static <T extends Message> T parse(Parser<T> parser, byte[] data) {
        try {
            return parser.parseFrom(data);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        connection.closeDispatcher(dispatcher);
    }
}
