package io.ticketing.train.application.port.in;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.ticketing.platform.error.Validation;
import io.ticketing.train.domain.model.CityId;

/** {@code code} is the station's short public code (e.g. "BERHBF"), unique across the network. */
public record CreateStationCommand(String name, String cityId, String code) {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{2,10}");

    public CreateStationCommand {
        name = name.strip();
        code = code.strip().toUpperCase(Locale.ROOT);
        new Validation()
                .require(CommandFields.hasLength(name, 1, 100), "name", "must be 1 to 100 characters")
                .require(CommandFields.isUuid(cityId), "cityId", "must be a UUID")
                .require(CODE.matcher(code).matches(), "code", "must be 2 to 10 letters or digits")
                .throwIfInvalid();
    }

    public CityId city() {
        return new CityId(UUID.fromString(cityId));
    }
}
