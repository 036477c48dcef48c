package io.ticketing.train.application.port.in;

import io.ticketing.platform.error.Validation;

public record CreateCityCommand(String name, String country) {

    public CreateCityCommand {
        name = name.strip();
        country = country.strip();
        new Validation()
                .require(CommandFields.hasLength(name, 1, 100), "name", "must be 1 to 100 characters")
                .require(CommandFields.hasLength(country, 2, 100), "country", "must be 2 to 100 characters")
                .throwIfInvalid();
    }
}
