package io.ticketing.train.adapter.out.messaging;

import java.time.Instant;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.ticketing.platform.messaging.Subjects;
import io.ticketing.platform.outbox.OutboxWriter;
import io.ticketing.proto.common.v1.Money;
import io.ticketing.proto.common.v1.Seat;
import io.ticketing.proto.common.v1.SeatClass;
import io.ticketing.proto.events.v1.RejectionReason;
import io.ticketing.proto.events.v1.SeatReleased;
import io.ticketing.proto.events.v1.SeatReservationRejected;
import io.ticketing.proto.events.v1.SeatReserved;
import io.ticketing.proto.events.v1.StopInfo;
import io.ticketing.proto.events.v1.TripCancelled;
import io.ticketing.proto.events.v1.TripScheduled;
import io.ticketing.train.application.port.out.TrainEventPublisher;
import io.ticketing.train.domain.model.Stop;
import io.ticketing.train.domain.model.TrainEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Domain events -> protobuf -> outbox rows on {@code trains.events.<Name>}, in the caller's transaction. */
@Component
class TrainEventOutboxAdapter implements TrainEventPublisher {

    static final String STREAM_PREFIX = "trains";

    private final OutboxWriter outbox;

    TrainEventOutboxAdapter(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(TrainEvent event) {
        Message message = switch (event) {
            case TrainEvent.SeatReserved e -> SeatReserved.newBuilder()
                    .setTicketId(e.ticketId().toString())
                    .setTripId(e.tripId().toString())
                    .setTrainNumber(e.trainNumber())
                    .setSeat(seat(e.seat()))
                    .setFrom(stop(e.from()))
                    .setTo(stop(e.to()))
                    .setPrice(Money.newBuilder().setAmount(e.price().amountText()).setCurrency(e.price().currency()))
                    .setReservedAt(timestamp(e.reservedAt()))
                    .build();
            case TrainEvent.SeatReservationRejected e -> SeatReservationRejected.newBuilder()
                    .setTicketId(e.ticketId().toString())
                    .setTripId(e.tripId().toString())
                    .setReason(reason(e.reason()))
                    .setDetail(e.detail())
                    .setRejectedAt(timestamp(e.rejectedAt()))
                    .build();
            case TrainEvent.SeatReleased e -> SeatReleased.newBuilder()
                    .setTicketId(e.ticketId().toString())
                    .setTripId(e.tripId().toString())
                    .setSeatId(e.seatId().toString())
                    .setFromIndex(e.segment().from())
                    .setToIndex(e.segment().to())
                    .setReleasedAt(timestamp(e.releasedAt()))
                    .build();
            case TrainEvent.TripScheduled e -> TripScheduled.newBuilder()
                    .setTripId(e.trip().id().toString())
                    .setTrainId(e.trip().trainId().toString())
                    .setTrainNumber(e.trip().trainNumber())
                    .addAllStops(e.trip().stops().stream().map(TrainEventOutboxAdapter::stop).toList())
                    .setScheduledAt(timestamp(e.scheduledAt()))
                    .build();
            case TrainEvent.TripCancelled e -> TripCancelled.newBuilder()
                    .setTripId(e.tripId().toString())
                    .setTrainNumber(e.trainNumber())
                    .setCancelledAt(timestamp(e.cancelledAt()))
                    .build();
        };
        outbox.append(Subjects.event(STREAM_PREFIX, message), message);
    }

    private static Seat seat(io.ticketing.train.domain.model.Seat seat) {
        return Seat.newBuilder()
                .setSeatId(seat.id().toString())
                .setWagon(seat.wagon())
                .setNumber(seat.label())
                .setSeatClass(switch (seat.seatClass()) {
                    case FIRST -> SeatClass.SEAT_CLASS_FIRST;
                    case SECOND -> SeatClass.SEAT_CLASS_SECOND;
                })
                .build();
    }

    private static StopInfo stop(Stop stop) {
        StopInfo.Builder info = StopInfo.newBuilder()
                .setStationId(stop.stationId().toString())
                .setStationName(stop.stationName())
                .setIndex(stop.index());
        setIfPresent(stop.arrival(), t -> info.setArrival(timestamp(t)));
        setIfPresent(stop.departure(), t -> info.setDeparture(timestamp(t)));
        return info.build();
    }

    private static void setIfPresent(@Nullable Instant time, java.util.function.Consumer<Instant> setter) {
        if (time != null) {
            setter.accept(time);
        }
    }

    /** A request for a ticket that is already closed has no reason of its own on the wire. */
    private static RejectionReason reason(io.ticketing.train.domain.model.RejectionReason reason) {
        return switch (reason) {
            case SEAT_TAKEN -> RejectionReason.REJECTION_REASON_SEAT_TAKEN;
            case NO_SEAT_IN_CLASS -> RejectionReason.REJECTION_REASON_NO_SEAT_IN_CLASS;
            case TRIP_DEPARTED -> RejectionReason.REJECTION_REASON_TRIP_DEPARTED;
            case TRIP_CANCELLED -> RejectionReason.REJECTION_REASON_TRIP_CANCELLED;
            case INVALID_SEGMENT -> RejectionReason.REJECTION_REASON_INVALID_SEGMENT;
            case TRIP_NOT_FOUND -> RejectionReason.REJECTION_REASON_TRIP_NOT_FOUND;
            case SEAT_NOT_FOUND -> RejectionReason.REJECTION_REASON_SEAT_NOT_FOUND;
            case TICKET_CLOSED -> RejectionReason.REJECTION_REASON_UNSPECIFIED;
        };
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
