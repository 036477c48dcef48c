package io.ticketing.ticket.domain.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Tickets in every state of the saga, for unit tests. */
public final class TicketMother {

    public static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    public static final Duration DEADLINE = Duration.ofSeconds(30);
    public static final Instant DEPARTURE = Instant.parse("2026-12-10T08:15:00Z");
    public static final UUID USER = UUID.fromString("0190a1c2-0000-7000-8000-000000000001");
    public static final UUID TRIP = UUID.fromString("0190a1c2-0000-7000-8000-000000000002");
    public static final UUID FROM = UUID.fromString("0190a1c2-0000-7000-8000-000000000003");
    public static final UUID TO = UUID.fromString("0190a1c2-0000-7000-8000-000000000004");

    private TicketMother() {
    }

    public static TicketRequest request() {
        return new TicketRequest(TRIP, FROM, TO, null, SeatClass.SECOND, "Ada Lovelace");
    }

    public static Booking booking() {
        return new Booking("ICE 101",
                new Seat(UUID.fromString("0190a1c2-0000-7000-8000-000000000005"), 3, "3-12", SeatClass.SECOND),
                new Stop(FROM, "Berlin Hbf", 0, null, DEPARTURE),
                new Stop(TO, "Hamburg Hbf", 2, DEPARTURE.plus(Duration.ofHours(2)), null),
                new Money(new BigDecimal("12.5"), "EUR"));
    }

    public static Ticket pending() {
        return Ticket.request(new TicketId(UUID.randomUUID()), USER, "hash", request(), NOW, DEADLINE).ticket();
    }

    public static Ticket confirmed() {
        return pending().seatReserved(booking(), NOW.plusSeconds(1)).ticket();
    }

    public static Ticket rejected() {
        return pending().reservationRejected(new Rejection("SEAT_TAKEN", "seat 3-12 is taken"), NOW.plusSeconds(1))
                .ticket();
    }

    public static Ticket expired() {
        return pending().expireIfDue(NOW.plus(DEADLINE)).ticket();
    }

    public static Ticket cancelledWhilePending() {
        return pending().cancel(CancellationCause.BY_TRAVELLER, NOW.plusSeconds(1)).ticket();
    }

    public static Ticket cancelledAfterConfirmation() {
        return confirmed().cancel(CancellationCause.BY_TRAVELLER, NOW.plusSeconds(2)).ticket();
    }

    public static Ticket inState(TicketStatus status) {
        return switch (status) {
            case PENDING -> pending();
            case CONFIRMED -> confirmed();
            case REJECTED -> rejected();
            case CANCELLED -> cancelledAfterConfirmation();
            case EXPIRED -> expired();
        };
    }
}
