package io.ticketing.ticket.adapter.out.messaging;

import java.time.Instant;
import java.util.UUID;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.ticketing.platform.outbox.OutboxWriter;
import io.ticketing.platform.messaging.Subjects;
import io.ticketing.proto.common.v1.Money;
import io.ticketing.proto.common.v1.Seat;
import io.ticketing.proto.common.v1.SeatClass;
import io.ticketing.proto.events.v1.CancellationCause;
import io.ticketing.proto.events.v1.RejectionReason;
import io.ticketing.proto.events.v1.SeatReleaseRequested;
import io.ticketing.proto.events.v1.StopInfo;
import io.ticketing.proto.events.v1.TicketBooked;
import io.ticketing.proto.events.v1.TicketCancelled;
import io.ticketing.proto.events.v1.TicketExpired;
import io.ticketing.proto.events.v1.TicketRejected;
import io.ticketing.proto.events.v1.TicketRequested;
import io.ticketing.ticket.application.port.out.TicketEventPublisher;
import io.ticketing.ticket.domain.model.Booking;
import io.ticketing.ticket.domain.model.Rejection;
import io.ticketing.ticket.domain.model.Stop;
import io.ticketing.ticket.domain.model.Ticket;
import io.ticketing.ticket.domain.model.TicketEvent;
import io.ticketing.ticket.domain.model.TicketRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Domain event -> protobuf -> outbox row on {@code tickets.events.<Name>}, in the caller's transaction. */
@Component
class TicketEventOutboxAdapter implements TicketEventPublisher {

    private static final String STREAM_PREFIX = "tickets";

    private final OutboxWriter outbox;

    TicketEventOutboxAdapter(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(TicketEvent event) {
        Message message = toProto(event);
        outbox.append(Subjects.event(STREAM_PREFIX, message), message);
    }

    static Message toProto(TicketEvent event) {
        Ticket t = event.ticket();
        return switch (event) {
            case TicketEvent.Requested requested -> requested(t);
            case TicketEvent.Booked booked -> booked(t);
            case TicketEvent.Rejected rejected -> rejected(t);
            case TicketEvent.Cancelled cancelled -> cancelled(t, cancelled.cause());
            case TicketEvent.Expired expired -> TicketExpired.newBuilder()
                    .setTicketId(t.id().toString())
                    .setUserId(t.userId().toString())
                    .setTripId(text(t.request().tripId()))
                    .setExpiredAt(timestamp(t.updatedAt()))
                    .build();
            case TicketEvent.SeatReleaseRequested release -> SeatReleaseRequested.newBuilder()
                    .setTicketId(t.id().toString())
                    .setTripId(text(t.request().tripId()))
                    .setRequestedAt(timestamp(release.at()))
                    .build();
        };
    }

    private static TicketRequested requested(Ticket t) {
        TicketRequest request = t.request();
        return TicketRequested.newBuilder()
                .setTicketId(t.id().toString())
                .setUserId(t.userId().toString())
                .setTripId(text(request.tripId()))
                .setFromStationId(text(request.fromStationId()))
                .setToStationId(text(request.toStationId()))
                .setSeatId(text(request.seatId()))
                .setSeatClass(seatClass(request.seatClass()))
                .setPassengerName(request.passengerName())
                .setRequestedAt(timestamp(t.createdAt()))
                .build();
    }

    private static TicketBooked booked(Ticket t) {
        Booking booking = booking(t);
        return TicketBooked.newBuilder()
                .setTicketId(t.id().toString())
                .setUserId(t.userId().toString())
                .setTripId(text(t.request().tripId()))
                .setTrainNumber(booking.trainNumber())
                .setFrom(stop(booking.from()))
                .setTo(stop(booking.to()))
                .setSeat(seat(booking))
                .setPrice(Money.newBuilder()
                        .setAmount(booking.price().amount().toPlainString())
                        .setCurrency(booking.price().currency()))
                .setPassengerName(t.request().passengerName())
                .setBookedAt(timestamp(t.updatedAt()))
                .build();
    }

    private static TicketRejected rejected(Ticket t) {
        Rejection rejection = t.rejection();
        RejectionReason reason = rejection == null ? RejectionReason.REJECTION_REASON_UNSPECIFIED
                : reason(rejection.reason());
        String detail = rejection == null ? "" : rejection.detail();
        if (rejection != null && reason == RejectionReason.REJECTION_REASON_UNSPECIFIED) {
            // a reason the contract has no value for (INVALID_REQUEST) travels in the detail
            detail = rejection.reason() + ": " + detail;
        }
        return TicketRejected.newBuilder()
                .setTicketId(t.id().toString())
                .setUserId(t.userId().toString())
                .setTripId(text(t.request().tripId()))
                .setReason(reason)
                .setDetail(detail)
                .setPassengerName(t.request().passengerName())
                .setRejectedAt(timestamp(t.updatedAt()))
                .build();
    }

    private static TicketCancelled cancelled(Ticket t, io.ticketing.ticket.domain.model.CancellationCause cause) {
        TicketCancelled.Builder event = TicketCancelled.newBuilder()
                .setTicketId(t.id().toString())
                .setUserId(t.userId().toString())
                .setTripId(text(t.request().tripId()))
                .setCause(CancellationCause.valueOf("CANCELLATION_CAUSE_" + cause.name()))
                .setCancelledAt(timestamp(t.updatedAt()));
        Booking booking = t.booking();
        if (booking != null) {
            event.setTrainNumber(booking.trainNumber())
                    .setFrom(stop(booking.from()))
                    .setTo(stop(booking.to()))
                    .setSeat(seat(booking));
        } else {
            event.setFrom(StopInfo.newBuilder().setStationId(text(t.request().fromStationId())))
                    .setTo(StopInfo.newBuilder().setStationId(text(t.request().toStationId())));
        }
        return event.build();
    }

    private static Booking booking(Ticket t) {
        Booking booking = t.booking();
        if (booking == null) {
            throw new IllegalStateException("Ticket " + t.id() + " is booked without a booking");
        }
        return booking;
    }

    private static RejectionReason reason(String code) {
        try {
            return RejectionReason.valueOf("REJECTION_REASON_" + code);
        } catch (IllegalArgumentException e) {
            return RejectionReason.REJECTION_REASON_UNSPECIFIED;
        }
    }

    private static StopInfo stop(Stop stop) {
        StopInfo.Builder info = StopInfo.newBuilder()
                .setStationId(stop.stationId().toString())
                .setStationName(stop.name())
                .setIndex(stop.index());
        if (stop.arrival() != null) {
            info.setArrival(timestamp(stop.arrival()));
        }
        if (stop.departure() != null) {
            info.setDeparture(timestamp(stop.departure()));
        }
        return info.build();
    }

    private static Seat seat(Booking booking) {
        return Seat.newBuilder()
                .setSeatId(booking.seat().id().toString())
                .setWagon(booking.seat().wagon())
                .setNumber(booking.seat().number())
                .setSeatClass(seatClass(booking.seat().seatClass()))
                .build();
    }

    private static SeatClass seatClass(io.ticketing.ticket.domain.model.@Nullable SeatClass seatClass) {
        return seatClass == null ? SeatClass.SEAT_CLASS_UNSPECIFIED
                : SeatClass.valueOf("SEAT_CLASS_" + seatClass.name());
    }

    private static String text(@Nullable UUID id) {
        return id == null ? "" : id.toString();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
