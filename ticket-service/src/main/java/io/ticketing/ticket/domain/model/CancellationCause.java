package io.ticketing.ticket.domain.model;

public enum CancellationCause {
    BY_TRAVELLER,
    BY_OPERATOR,
    TRIP_CANCELLED
}
