package io.ticketing.platform.command;

import io.ticketing.platform.messaging.InboundContext;

/**
 * Answers one request-reply command: returns the JSON representation of the created or changed resource,
 * or throws a {@link io.ticketing.platform.error.DomainProblem} that becomes a problem reply.
 */
@FunctionalInterface
public interface RequestHandler<T extends com.google.protobuf.Message> {

    Reply handle(T command, InboundContext context);

    /** @param resourceId id of the resource the command created or changed (empty when none)
     *  @param body       what a GET of that resource would return, serialized to JSON by the responder */
    record Reply(String resourceId, Object body) {
    }
}
