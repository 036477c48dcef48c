package io.ticketing.train.application.port.out;

import java.util.Optional;

import io.ticketing.train.domain.model.City;
import io.ticketing.train.domain.model.CityId;

public interface CityRepository {

    /** False when a city with that name already exists in that country. */
    boolean add(City city);

    Optional<City> find(CityId id);
}
