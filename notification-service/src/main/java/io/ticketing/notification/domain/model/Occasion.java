package io.ticketing.notification.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened elsewhere in the system and that a user is told about: one occasion, one
 * notification. Carries what the message needs to be specific (train, route, seat, price, reason).
 */
public sealed interface Occasion {

    /** Whom the notification is for. */
    UUID userId();

    /** The ticket it is about, if any. */
    default @Nullable UUID ticketId() {
        return null;
    }

    record UserRegistered(UUID userId, String email, String fullName) implements Occasion {
    }

    record TicketBooked(UUID userId, UUID ticketId, Journey journey, SeatInfo seat, Price price,
            String passengerName) implements Occasion {
    }

    record TicketRejected(UUID userId, UUID ticketId, UUID tripId, RejectionReason reason, String detail,
            String passengerName) implements Occasion {
    }

    /** {@code seat} is absent when the ticket was cancelled before a seat was assigned. */
    record TicketCancelled(UUID userId, UUID ticketId, Journey journey, @Nullable SeatInfo seat,
            CancellationCause cause) implements Occasion {
    }

    record TicketExpired(UUID userId, UUID ticketId, UUID tripId) implements Occasion {
    }

    /** A train ride between two stops; times are UTC instants. */
    record Journey(String trainNumber, Stop from, Stop to) {
        public Journey {
            Objects.requireNonNull(trainNumber, "trainNumber");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    record Stop(String stationName, @Nullable Instant time) {
    }

    /** {@code number} is the label travellers see, e.g. "3-12" (wagon 3, seat 12). */
    record SeatInfo(int wagon, String number, SeatClass seatClass) {
    }

    /** {@code amount} is a decimal string with two decimals, e.g. "12.50". */
    record Price(String amount, String currency) {
    }

    enum SeatClass { FIRST, SECOND, UNKNOWN }

    enum RejectionReason {
        SEAT_TAKEN, NO_SEAT_IN_CLASS, TRIP_DEPARTED, TRIP_CANCELLED, INVALID_SEGMENT, TRIP_NOT_FOUND,
        SEAT_NOT_FOUND, UNSPECIFIED
    }

    enum CancellationCause { BY_TRAVELLER, BY_OPERATOR, TRIP_CANCELLED, UNSPECIFIED }
}
