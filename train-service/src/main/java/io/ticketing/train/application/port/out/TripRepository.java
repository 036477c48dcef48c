package io.ticketing.train.application.port.out;

import java.util.Optional;

import io.ticketing.train.domain.model.Trip;
import io.ticketing.train.domain.model.TripId;

public interface TripRepository {

    /** Stores a scheduled trip; false when its train already runs a scheduled trip overlapping it in time. */
    boolean add(Trip trip);

    Optional<Trip> find(TripId id);

    /**
     * Loads the trip and keeps it from being cancelled until the transaction ends, so a reservation is
     * either before the cancellation (and released by it) or sees the trip cancelled.
     */
    Optional<Trip> findForReservation(TripId id);

    /** True if this call moved the trip from SCHEDULED to CANCELLED. */
    boolean markCancelled(TripId id);
}
