package io.ticketing.ticket.domain.model;

import java.util.Objects;
import java.util.UUID;

/** A ticket's identity; the gateway derives it from the traveller and the request's Idempotency-Key. */
public record TicketId(UUID value) {

    public TicketId {
        Objects.requireNonNull(value, "value");
    }

    public static TicketId of(String value) {
        return new TicketId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
