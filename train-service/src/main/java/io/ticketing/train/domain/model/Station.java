package io.ticketing.train.domain.model;

public record Station(StationId id, String name, String code, CityId cityId) {
}
