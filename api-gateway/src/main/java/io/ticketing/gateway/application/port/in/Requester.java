package io.ticketing.gateway.application.port.in;

import java.util.Set;
import java.util.UUID;

/** The verified caller of a command and the trace context it travels with. */
public record Requester(UUID userId, Set<String> roles, String correlationId, String traceparent) {
}
