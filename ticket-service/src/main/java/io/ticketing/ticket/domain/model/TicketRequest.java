package io.ticketing.ticket.domain.model;

import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the traveller asked for. Ids are absent only on a ticket rejected as {@link Rejection#INVALID_REQUEST},
 * whose request could not be read.
 */
public record TicketRequest(
        @Nullable UUID tripId,
        @Nullable UUID fromStationId,
        @Nullable UUID toStationId,
        @Nullable UUID seatId,
        @Nullable SeatClass seatClass,
        String passengerName) {

    public static final int MAX_PASSENGER_NAME = 100;

    public TicketRequest {
        Objects.requireNonNull(passengerName, "passengerName");
        if (passengerName.length() > MAX_PASSENGER_NAME) {
            throw new IllegalArgumentException("passenger name longer than " + MAX_PASSENGER_NAME);
        }
    }

    boolean isComplete() {
        return tripId != null && fromStationId != null && toStationId != null && (seatId != null || seatClass != null)
                && !passengerName.isBlank();
    }
}
