package io.ticketing.train.application.port.in;

import java.util.UUID;

import io.ticketing.train.domain.model.City;

public record CityView(UUID id, String name, String country) {

    public static CityView of(City city) {
        return new CityView(city.id().value(), city.name(), city.country());
    }
}
