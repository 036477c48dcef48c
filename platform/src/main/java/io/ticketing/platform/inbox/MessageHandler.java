package io.ticketing.platform.inbox;

import io.ticketing.platform.messaging.InboundContext;

/**
 * Handles one message type. Runs inside the transaction that also records the message in the inbox, so
 * its database effect happens exactly once however often the message is delivered. Throw to have the
 * message redelivered (with backoff) and, past the delivery limit, dead-lettered.
 */
@FunctionalInterface
public interface MessageHandler<T extends com.google.protobuf.Message> {

    void handle(T message, InboundContext context);
}
