package io.ticketing.train.domain.model;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A stop of a trip: no arrival at the first stop, no departure at the last. */
public record Stop(int index, StationId stationId, String stationName, CityId cityId, @Nullable Instant arrival,
        @Nullable Instant departure) {
}
