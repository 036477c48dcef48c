package io.ticketing.train.domain.model;

public record City(CityId id, String name, String country) {
}
