package io.ticketing.notification.support;

import java.time.Instant;
import java.util.UUID;

import com.google.protobuf.Timestamp;
import io.ticketing.proto.common.v1.Money;
import io.ticketing.proto.common.v1.Seat;
import io.ticketing.proto.common.v1.SeatClass;
import io.ticketing.proto.events.v1.CancellationCause;
import io.ticketing.proto.events.v1.RejectionReason;
import io.ticketing.proto.events.v1.StopInfo;
import io.ticketing.proto.events.v1.TicketBooked;
import io.ticketing.proto.events.v1.TicketCancelled;
import io.ticketing.proto.events.v1.TicketExpired;
import io.ticketing.proto.events.v1.TicketRejected;
import io.ticketing.proto.events.v1.TicketRequested;
import io.ticketing.proto.events.v1.UserRegistered;

/** Events as the other services publish them: train IC 2041, Berlin Hbf 08:15 to München Hbf 12:30. */
public final class Events {

    public static final Instant DEPARTURE = Instant.parse("2026-12-01T08:15:00Z");
    public static final Instant ARRIVAL = Instant.parse("2026-12-01T12:30:00Z");

    private Events() {
    }

    public static UserRegistered userRegistered(UUID userId, String email, String fullName) {
        return UserRegistered.newBuilder().setUserId(userId.toString()).setEmail(email).setFullName(fullName)
                .addRoles("USER").setRegisteredAt(ts(Instant.now())).build();
    }

    public static TicketBooked ticketBooked(UUID userId, UUID ticketId) {
        return TicketBooked.newBuilder()
                .setTicketId(ticketId.toString()).setUserId(userId.toString()).setTripId(UUID.randomUUID().toString())
                .setTrainNumber("IC 2041").setFrom(from()).setTo(to())
                .setSeat(Seat.newBuilder().setSeatId(UUID.randomUUID().toString()).setWagon(3).setNumber("3-12")
                        .setSeatClass(SeatClass.SEAT_CLASS_SECOND))
                .setPrice(Money.newBuilder().setAmount("12.50").setCurrency("EUR"))
                .setPassengerName("Ada Lovelace").setBookedAt(ts(Instant.now()))
                .build();
    }

    public static TicketRejected ticketRejected(UUID userId, UUID ticketId) {
        return TicketRejected.newBuilder()
                .setTicketId(ticketId.toString()).setUserId(userId.toString()).setTripId(UUID.randomUUID().toString())
                .setReason(RejectionReason.REJECTION_REASON_SEAT_TAKEN).setDetail("seat 3-12 is taken")
                .setPassengerName("Ada Lovelace").setRejectedAt(ts(Instant.now()))
                .build();
    }

    public static TicketCancelled ticketCancelled(UUID userId, UUID ticketId, CancellationCause cause) {
        return TicketCancelled.newBuilder()
                .setTicketId(ticketId.toString()).setUserId(userId.toString()).setTripId(UUID.randomUUID().toString())
                .setTrainNumber("IC 2041").setFrom(from()).setTo(to())
                .setSeat(Seat.newBuilder().setSeatId(UUID.randomUUID().toString()).setWagon(3).setNumber("3-12")
                        .setSeatClass(SeatClass.SEAT_CLASS_SECOND))
                .setCause(cause).setCancelledAt(ts(Instant.now()))
                .build();
    }

    public static TicketExpired ticketExpired(UUID userId, UUID ticketId) {
        return TicketExpired.newBuilder()
                .setTicketId(ticketId.toString()).setUserId(userId.toString()).setTripId(UUID.randomUUID().toString())
                .setExpiredAt(ts(Instant.now()))
                .build();
    }

    public static TicketRequested ticketRequested(UUID userId, UUID ticketId) {
        return TicketRequested.newBuilder()
                .setTicketId(ticketId.toString()).setUserId(userId.toString()).setTripId(UUID.randomUUID().toString())
                .setFromStationId(UUID.randomUUID().toString()).setToStationId(UUID.randomUUID().toString())
                .setSeatClass(SeatClass.SEAT_CLASS_SECOND).setPassengerName("Ada Lovelace")
                .setRequestedAt(ts(Instant.now()))
                .build();
    }

    private static StopInfo from() {
        return StopInfo.newBuilder().setStationId(UUID.randomUUID().toString()).setStationName("Berlin Hbf")
                .setIndex(0).setDeparture(ts(DEPARTURE)).build();
    }

    private static StopInfo to() {
        return StopInfo.newBuilder().setStationId(UUID.randomUUID().toString()).setStationName("München Hbf")
                .setIndex(3).setArrival(ts(ARRIVAL)).build();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
