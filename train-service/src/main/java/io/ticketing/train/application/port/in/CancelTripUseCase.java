package io.ticketing.train.application.port.in;

import io.ticketing.train.domain.model.TripId;

public interface CancelTripUseCase {

    /** Cancels the trip and announces it (once: cancelling a cancelled trip changes nothing); 404 if unknown. */
    TripView cancelTrip(TripId tripId);
}
