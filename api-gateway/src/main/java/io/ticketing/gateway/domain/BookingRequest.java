package io.ticketing.gateway.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.Validation;
import org.jspecify.annotations.Nullable;

/**
 * What a traveller asks to book: a seat (or a class, for an automatic choice) on one segment of a trip.
 * The ticket id is derived from the caller and the client's idempotency key, so a retried request names the
 * same ticket and JetStream de-duplicates its command.
 */
public record BookingRequest(UUID tripId, UUID fromStationId, UUID toStationId, @Nullable UUID seatId,
        @Nullable SeatClass seatClass, String passengerName) {

    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 100;
    /** ticket-service's limit: a longer name accepted here would only come back as a rejected ticket. */
    public static final int MAX_PASSENGER_NAME_LENGTH = 100;

    public BookingRequest {
        new Validation()
                .require(!fromStationId.equals(toStationId), "toStationId", "must differ from fromStationId")
                .require(seatId != null || seatClass != null, "seatClass", "either seatId or seatClass is required")
                .require(!passengerName.isBlank(), "passengerName", "must not be blank")
                .throwIfInvalid();
    }

    public static UUID ticketId(UUID userId, String idempotencyKey) {
        checkIdempotencyKey(idempotencyKey);
        return UUID.nameUUIDFromBytes((userId + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    }

    public static void checkIdempotencyKey(@Nullable String key) {
        new Validation()
                .require(key != null && !key.isBlank(), "Idempotency-Key", "header is required")
                .require(key == null || key.length() <= MAX_IDEMPOTENCY_KEY_LENGTH, "Idempotency-Key",
                        "must be at most " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters")
                .throwIfInvalid();
    }

    /** A key used again must come with the same request: else 422, whether or not the first was stored yet. */
    public static void checkSameRequest(@Nullable String firstHash, String hash) {
        if (firstHash != null && !firstHash.equals(hash)) {
            throw DomainProblem.ruleViolated("IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was already used for a different booking");
        }
    }

    /** SHA-256 (hex) of {@code tripId|fromStationId|toStationId|seatId|seatClass|passengerName}; empty when absent. */
    public String requestHash() {
        String canonical = String.join("|", tripId.toString(), fromStationId.toString(), toStationId.toString(),
                seatId == null ? "" : seatId.toString(), seatClass == null ? "" : seatClass.name(), passengerName);
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
