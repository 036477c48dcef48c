package io.ticketing.notification.adapter.in.messaging;

import java.time.Instant;
import java.util.UUID;

import com.google.protobuf.Timestamp;
import io.ticketing.notification.domain.model.Occasion;
import io.ticketing.proto.common.v1.Money;
import io.ticketing.proto.common.v1.Seat;
import io.ticketing.proto.events.v1.CancellationCause;
import io.ticketing.proto.events.v1.RejectionReason;
import io.ticketing.proto.events.v1.StopInfo;
import io.ticketing.proto.events.v1.TicketBooked;
import io.ticketing.proto.events.v1.TicketCancelled;
import io.ticketing.proto.events.v1.TicketExpired;
import io.ticketing.proto.events.v1.TicketRejected;
import io.ticketing.proto.events.v1.UserRegistered;
import org.jspecify.annotations.Nullable;

/** Wire events to the occasions the domain writes about. */
final class NotificationEvents {

    private NotificationEvents() {
    }

    static Occasion.UserRegistered occasion(UserRegistered e) {
        return new Occasion.UserRegistered(UUID.fromString(e.getUserId()), e.getEmail(), e.getFullName());
    }

    static Occasion.TicketBooked occasion(TicketBooked e) {
        return new Occasion.TicketBooked(UUID.fromString(e.getUserId()), UUID.fromString(e.getTicketId()),
                journey(e.getTrainNumber(), e.getFrom(), e.getTo()), seat(e.getSeat()), price(e.getPrice()),
                e.getPassengerName());
    }

    static Occasion.TicketRejected occasion(TicketRejected e) {
        return new Occasion.TicketRejected(UUID.fromString(e.getUserId()), UUID.fromString(e.getTicketId()),
                UUID.fromString(e.getTripId()), reason(e.getReason()), e.getDetail(), e.getPassengerName());
    }

    static Occasion.TicketCancelled occasion(TicketCancelled e) {
        return new Occasion.TicketCancelled(UUID.fromString(e.getUserId()), UUID.fromString(e.getTicketId()),
                journey(e.getTrainNumber(), e.getFrom(), e.getTo()), e.hasSeat() ? seat(e.getSeat()) : null,
                cause(e.getCause()));
    }

    static Occasion.TicketExpired occasion(TicketExpired e) {
        return new Occasion.TicketExpired(UUID.fromString(e.getUserId()), UUID.fromString(e.getTicketId()),
                UUID.fromString(e.getTripId()));
    }

    private static Occasion.Journey journey(String trainNumber, StopInfo from, StopInfo to) {
        return new Occasion.Journey(trainNumber,
                new Occasion.Stop(from.getStationName(), instant(from.hasDeparture(), from.getDeparture())),
                new Occasion.Stop(to.getStationName(), instant(to.hasArrival(), to.getArrival())));
    }

    private static Occasion.SeatInfo seat(Seat seat) {
        Occasion.SeatClass seatClass = switch (seat.getSeatClass()) {
            case SEAT_CLASS_FIRST -> Occasion.SeatClass.FIRST;
            case SEAT_CLASS_SECOND -> Occasion.SeatClass.SECOND;
            default -> Occasion.SeatClass.UNKNOWN;
        };
        return new Occasion.SeatInfo(seat.getWagon(), seat.getNumber(), seatClass);
    }

    private static Occasion.Price price(Money money) {
        return new Occasion.Price(money.getAmount(), money.getCurrency());
    }

    private static Occasion.RejectionReason reason(RejectionReason reason) {
        return switch (reason) {
            case REJECTION_REASON_SEAT_TAKEN -> Occasion.RejectionReason.SEAT_TAKEN;
            case REJECTION_REASON_NO_SEAT_IN_CLASS -> Occasion.RejectionReason.NO_SEAT_IN_CLASS;
            case REJECTION_REASON_TRIP_DEPARTED -> Occasion.RejectionReason.TRIP_DEPARTED;
            case REJECTION_REASON_TRIP_CANCELLED -> Occasion.RejectionReason.TRIP_CANCELLED;
            case REJECTION_REASON_INVALID_SEGMENT -> Occasion.RejectionReason.INVALID_SEGMENT;
            case REJECTION_REASON_TRIP_NOT_FOUND -> Occasion.RejectionReason.TRIP_NOT_FOUND;
            case REJECTION_REASON_SEAT_NOT_FOUND -> Occasion.RejectionReason.SEAT_NOT_FOUND;
            default -> Occasion.RejectionReason.UNSPECIFIED;
        };
    }

    private static Occasion.CancellationCause cause(CancellationCause cause) {
        return switch (cause) {
            case CANCELLATION_CAUSE_BY_TRAVELLER -> Occasion.CancellationCause.BY_TRAVELLER;
            case CANCELLATION_CAUSE_BY_OPERATOR -> Occasion.CancellationCause.BY_OPERATOR;
            case CANCELLATION_CAUSE_TRIP_CANCELLED -> Occasion.CancellationCause.TRIP_CANCELLED;
            default -> Occasion.CancellationCause.UNSPECIFIED;
        };
    }

    private static @Nullable Instant instant(boolean present, Timestamp timestamp) {
        return present ? Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()) : null;
    }
}
