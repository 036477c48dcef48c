package io.ticketing.gateway.support;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.ticketing.platform.test.TestNats;
import io.ticketing.proto.commands.v1.CommandReply;
import org.jspecify.annotations.Nullable;

/** Stands in for the services on {@code requests.>}: records every command and answers with the given reply. */
public final class Responder implements AutoCloseable {

    private final Connection connection;
    private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private volatile Function<Message, @Nullable CommandReply> replies;

    private Responder(Function<Message, @Nullable CommandReply> replies) throws Exception {
        this.replies = replies;
        this.connection = Nats.connect(Options.builder().server(TestNats.url()).build());
        Dispatcher dispatcher = connection.createDispatcher(msg -> {
            received.add(msg);
            CommandReply reply = this.replies.apply(msg);
            if (reply != null && msg.getReplyTo() != null) {
                connection.publish(msg.getReplyTo(), reply.toByteArray());
            }
        });
        dispatcher.subscribe("requests.>");
        connection.flush(Duration.ofSeconds(5));
    }

    /** @param replies the reply for each command; null to stay silent (a responder that hangs) */
    public static Responder answering(Function<Message, @Nullable CommandReply> replies) {
        try {
            return new Responder(replies);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot answer on requests.>", e);
        }
    }

    public void reply(Function<Message, @Nullable CommandReply> replies) {
        this.replies = replies;
    }

    /** The next command received, failing when none arrives. */
    public Message next() throws InterruptedException {
        Message msg = received.poll(10, TimeUnit.SECONDS);
        if (msg == null) {
            throw new AssertionError("No command reached the responder");
        }
        return msg;
    }

    public int receivedCount() {
        return received.size();
    }

    @Override
    public void close() throws InterruptedException {
        connection.close();
    }
}
