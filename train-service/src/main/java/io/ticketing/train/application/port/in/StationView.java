package io.ticketing.train.application.port.in;

import java.util.UUID;

public record StationView(UUID id, String name, String code, UUID cityId, String cityName) {
}
