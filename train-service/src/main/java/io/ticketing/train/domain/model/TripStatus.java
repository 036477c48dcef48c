package io.ticketing.train.domain.model;

public enum TripStatus {
    SCHEDULED,
    CANCELLED
}
