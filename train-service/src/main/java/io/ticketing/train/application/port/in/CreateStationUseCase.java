package io.ticketing.train.application.port.in;

public interface CreateStationUseCase {

    /** 404 for an unknown city, 409 for a code already in use. */
    StationView createStation(CreateStationCommand command);
}
