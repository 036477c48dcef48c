package io.ticketing.train.application.port.in;

public interface ScheduleTripUseCase {

    /** 404 for an unknown train or station, 422 when a trip rule is broken or the train is busy then. */
    TripView scheduleTrip(ScheduleTripCommand command);
}
