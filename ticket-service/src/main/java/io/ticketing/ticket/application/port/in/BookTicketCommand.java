package io.ticketing.ticket.application.port.in;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import io.ticketing.platform.error.FieldViolation;
import io.ticketing.ticket.domain.model.SeatClass;
import io.ticketing.ticket.domain.model.TicketId;
import io.ticketing.ticket.domain.model.TicketRequest;
import org.jspecify.annotations.Nullable;

/**
 * A booking as the gateway accepted it. The identity is always valid (the command is dropped otherwise); the
 * request fields are kept as sent, because a durable command cannot be refused synchronously any more: an
 * invalid one becomes a rejected ticket (see {@link #violations()}).
 */
public record BookTicketCommand(
        TicketId ticketId,
        UUID userId,
        String requestHash,
        String tripId,
        String fromStationId,
        String toStationId,
        String seatId,
        @Nullable SeatClass seatClass,
        String passengerName) {

    /** ISO control characters (U+0000..U+001F, U+007F..U+009F): no part of a name, and NUL cannot be stored. */
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cc}");

    public BookTicketCommand {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(tripId, "tripId");
        Objects.requireNonNull(fromStationId, "fromStationId");
        Objects.requireNonNull(toStationId, "toStationId");
        Objects.requireNonNull(seatId, "seatId");
        Objects.requireNonNull(passengerName, "passengerName");
    }

    /** Every reason this request cannot be served; empty when it is valid. */
    public List<FieldViolation> violations() {
        List<FieldViolation> violations = new ArrayList<>();
        requireUuid(violations, "tripId", tripId);
        requireUuid(violations, "fromStationId", fromStationId);
        requireUuid(violations, "toStationId", toStationId);
        if (!fromStationId.isBlank() && fromStationId.equals(toStationId)) {
            violations.add(new FieldViolation("toStationId", "must differ from fromStationId"));
        }
        if (seatId.isBlank()) {
            if (seatClass == null) {
                violations.add(new FieldViolation("seatClass", "required when no seatId is given"));
            }
        } else {
            requireUuid(violations, "seatId", seatId);
        }
        String name = passengerName.strip();
        if (name.isEmpty() || name.length() > TicketRequest.MAX_PASSENGER_NAME) {
            violations.add(new FieldViolation("passengerName",
                    "must be 1 to " + TicketRequest.MAX_PASSENGER_NAME + " characters"));
        }
        if (CONTROL_CHARACTERS.matcher(passengerName).find()) {
            violations.add(new FieldViolation("passengerName", "must not contain control characters"));
        }
        if (requestHash.isBlank()) {
            violations.add(new FieldViolation("requestHash", "must not be blank"));
        }
        return violations;
    }

    /**
     * The request as far as it can be read: complete when {@link #violations()} is empty. Control characters are
     * left out of the name even then, so the rejected ticket can be stored (PostgreSQL refuses NUL in text).
     */
    public TicketRequest request() {
        String name = CONTROL_CHARACTERS.matcher(passengerName).replaceAll("").strip();
        return new TicketRequest(uuidOrNull(tripId), uuidOrNull(fromStationId), uuidOrNull(toStationId),
                uuidOrNull(seatId), seatClass,
                name.length() > TicketRequest.MAX_PASSENGER_NAME ? name.substring(0, TicketRequest.MAX_PASSENGER_NAME)
                        : name);
    }

    private static void requireUuid(List<FieldViolation> violations, String field, String value) {
        if (uuidOrNull(value) == null) {
            violations.add(new FieldViolation(field, "must be a UUID"));
        }
    }

    private static @Nullable UUID uuidOrNull(String value) {
        try {
            return value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
