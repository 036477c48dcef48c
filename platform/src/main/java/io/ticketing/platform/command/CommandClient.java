package io.ticketing.platform.command;

import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.ticketing.platform.messaging.Ids;
import io.ticketing.platform.messaging.MessageHeaders;
import io.ticketing.proto.commands.v1.CommandReply;
import org.jspecify.annotations.Nullable;

/**
 * Sends commands on behalf of a verified caller: request-reply with a timeout for commands that need an
 * immediate answer, durable JetStream publishing for those answered later.
 */
public class CommandClient {

    private final Connection connection;
    private final JetStream jetStream;

    public CommandClient(Connection connection, JetStream jetStream) {
        this.connection = connection;
        this.jetStream = jetStream;
    }

    /** The identity and trace context a command travels with. */
    public record Caller(@Nullable UUID userId, Collection<String> roles, @Nullable String correlationId,
            @Nullable String traceparent) {
    }

    /**
     * Sends a request and completes with its reply; completes exceptionally with
     * {@link CommandUnavailableException} when no responder answers within {@code timeout}.
     */
    public CompletableFuture<CommandReply> request(String subject, Message command, Caller caller, Duration timeout) {
        Headers headers = headers(Ids.newId().toString(), command, caller);
        headers.put(MessageHeaders.DEADLINE, String.valueOf(System.currentTimeMillis() + timeout.toMillis()));
        return connection.requestWithTimeout(
                        NatsMessage.builder().subject(subject).headers(headers).data(command.toByteArray()).build(),
                        timeout)
                // jnats expires requests from a periodic cleanup task; this bounds the wait at the timeout itself
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((reply, error) -> {
                    if (error != null || reply == null) {
                        throw new CommandUnavailableException(subject, error);
                    }
                    if (reply.isStatusMessage()) {
                        throw new CommandUnavailableException(subject, null);
                    }
                    try {
                        return CommandReply.parseFrom(reply.getData());
                    } catch (InvalidProtocolBufferException e) {
                        throw new CommandUnavailableException(subject, e);
                    }
                });
    }

    /** Stores the command in its stream; completes once JetStream acknowledged it. */
    public CompletableFuture<PublishAck> publishDurably(String subject, String messageId, Message command,
            Caller caller) {
        Headers headers = headers(messageId, command, caller);
        return jetStream.publishAsync(
                NatsMessage.builder().subject(subject).headers(headers).data(command.toByteArray()).build(),
                PublishOptions.builder().messageId(messageId).build());
    }

    private static Headers headers(String messageId, Message command, Caller caller) {
        Headers headers = new Headers();
        headers.put(MessageHeaders.MESSAGE_ID, messageId);
        headers.put(MessageHeaders.EVENT_TYPE, command.getDescriptorForType().getFullName());
        headers.put(MessageHeaders.CONTENT_TYPE, MessageHeaders.PROTOBUF);
        if (caller.userId() != null) {
            headers.put(MessageHeaders.USER_ID, caller.userId().toString());
        }
        if (!caller.roles().isEmpty()) {
            headers.put(MessageHeaders.ROLES, String.join(",", caller.roles()));
        }
        if (caller.correlationId() != null) {
            headers.put(MessageHeaders.CORRELATION_ID, caller.correlationId());
        }
        if (caller.traceparent() != null) {
            headers.put(MessageHeaders.TRACEPARENT, caller.traceparent());
        }
        return headers;
    }
}
