package io.ticketing.platform.messaging;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.nats.client.impl.Headers;
import org.jspecify.annotations.Nullable;

/**
 * What a handler may know about the message it handles besides its payload: ids for correlation and, on
 * commands, the identity the gateway verified.
 */
public record InboundContext(
        String messageId,
        String subject,
        @Nullable String correlationId,
        @Nullable String traceparent,
        @Nullable UUID userId,
        Set<String> roles,
        long deliveryCount) {

    public static InboundContext from(String messageId, String subject, @Nullable Headers headers, long deliveryCount) {
        String user = header(headers, MessageHeaders.USER_ID);
        String roles = header(headers, MessageHeaders.ROLES);
        return new InboundContext(
                messageId,
                subject,
                header(headers, MessageHeaders.CORRELATION_ID),
                header(headers, MessageHeaders.TRACEPARENT),
                user == null || user.isBlank() ? null : parseUuid(user),
                roles == null ? Set.of() : Arrays.stream(roles.split(",")).map(String::trim)
                        .filter(r -> !r.isEmpty()).collect(Collectors.toUnmodifiableSet()),
                deliveryCount);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public static @Nullable String header(@Nullable Headers headers, String name) {
        return headers == null ? null : headers.getFirst(name);
    }

    private static @Nullable UUID parseUuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
