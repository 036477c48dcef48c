package io.ticketing.train.domain.model;

import java.util.Objects;
import java.util.UUID;

public record CityId(UUID value) {

    public CityId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
