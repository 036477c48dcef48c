package io.ticketing.gateway.application.port.in;

import java.util.Set;
import java.util.UUID;

/**
 * The verified caller of a command and the trace context it travels with.
 *
 * @param bearerToken the caller's access token, for read-only checks made on their behalf
 */
public record Requester(UUID userId, Set<String> roles, String bearerToken, String correlationId,
        String traceparent) {

    @Override
    public String toString() {
        return "Requester[userId=" + userId + ", roles=" + roles + ", correlationId=" + correlationId + "]";
    }
}
