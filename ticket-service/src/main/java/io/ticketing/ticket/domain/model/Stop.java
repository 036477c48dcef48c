package io.ticketing.ticket.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A stop of the trip as the ticket shows it; times are absent at the trip's ends. */
public record Stop(UUID stationId, String name, int index, @Nullable Instant arrival, @Nullable Instant departure) {

    public Stop {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(name, "name");
    }
}
