package io.ticketing.platform.command;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;

/**
 * Binds a request subject to its handler. {@code requiredRole} is checked against the identity headers the
 * gateway sets, as a second line of defence behind the gateway's own check.
 */
public record RequestDefinition<T extends Message>(String subject, Parser<T> parser, RequestHandler<T> handler,
        String requiredRole) {

    public static final String ANYONE = "";

    @SuppressWarnings("unchecked")
    public static <T extends Message> RequestDefinition<T> of(String service, T prototype, String requiredRole,
            RequestHandler<T> handler) {
        return new RequestDefinition<>("requests." + service + "." + prototype.getDescriptorForType().getName(),
                (Parser<T>) prototype.getParserForType(), handler, requiredRole);
    }
}
