package io.ticketing.ticket.domain.model;

import java.util.Objects;

/**
 * Why a ticket was rejected: a stable code ({@code SEAT_TAKEN}, {@code NO_SEAT_IN_CLASS}, ... as train-service
 * reports it, or {@link #INVALID_REQUEST}) and a human-readable detail.
 */
public record Rejection(String reason, String detail) {

    public static final String INVALID_REQUEST = "INVALID_REQUEST";

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
