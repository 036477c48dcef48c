package io.ticketing.train.application.port.in;

public interface CreateCityUseCase {

    /** 409 when a city of that name already exists in that country. */
    CityView createCity(CreateCityCommand command);
}
