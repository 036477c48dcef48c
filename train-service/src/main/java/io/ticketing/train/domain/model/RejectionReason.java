package io.ticketing.train.domain.model;

/** Why a seat could not be reserved for a ticket. */
public enum RejectionReason {
    SEAT_TAKEN,
    NO_SEAT_IN_CLASS,
    TRIP_DEPARTED,
    TRIP_CANCELLED,
    INVALID_SEGMENT,
    TRIP_NOT_FOUND,
    SEAT_NOT_FOUND,
    /** The ticket was cancelled, expired or released before its request arrived. */
    TICKET_CLOSED
}
