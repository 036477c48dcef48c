package io.ticketing.gateway.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import io.ticketing.platform.error.DomainProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookingRequestTest {

    private final UUID trip = UUID.randomUUID();
    private final UUID from = UUID.randomUUID();
    private final UUID to = UUID.randomUUID();

    @Test
    void derivesTheTicketIdFromCallerAndKey() {
        UUID user = UUID.randomUUID();
        assertThat(BookingRequest.ticketId(user, "k-1"))
                .isEqualTo(UUID.nameUUIDFromBytes((user + ":k-1").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(BookingRequest.ticketId(user, "k-1"))
                .isNotEqualTo(BookingRequest.ticketId(UUID.randomUUID(), "k-1"));
    }

    @Test
    void hashesTheCanonicalRequest() throws Exception {
        UUID seat = UUID.randomUUID();
        String canonical = trip + "|" + from + "|" + to + "|" + seat + "||Ann";
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        assertThat(new BookingRequest(trip, from, to, seat, null, "Ann").requestHash()).isEqualTo(expected);
        assertThat(new BookingRequest(trip, from, to, null, SeatClass.FIRST, "Ann").requestHash())
                .isNotEqualTo(new BookingRequest(trip, from, to, null, SeatClass.SECOND, "Ann").requestHash());
    }

    @Test
    void needsASeatOrAClassAndTwoDifferentStations() {
        assertThatThrownBy(() -> new BookingRequest(trip, from, to, null, null, "Ann"))
                .isInstanceOf(DomainProblem.class);
        assertThatThrownBy(() -> new BookingRequest(trip, from, from, null, SeatClass.FIRST, "Ann"))
                .isInstanceOf(DomainProblem.class);
    }

    @Test
    void refusesMissingOrOverlongIdempotencyKeys() {
        assertThatThrownBy(() -> BookingRequest.checkIdempotencyKey(null)).isInstanceOf(DomainProblem.class);
        assertThatThrownBy(() -> BookingRequest.checkIdempotencyKey(" ")).isInstanceOf(DomainProblem.class);
        assertThatThrownBy(() -> BookingRequest.checkIdempotencyKey("k".repeat(101))).isInstanceOf(DomainProblem.class);
        BookingRequest.checkIdempotencyKey("k".repeat(100));
    }
}
