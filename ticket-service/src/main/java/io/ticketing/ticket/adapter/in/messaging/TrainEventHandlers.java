package io.ticketing.ticket.adapter.in.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.google.protobuf.Timestamp;
import io.ticketing.platform.messaging.InboundContext;
import io.ticketing.proto.events.v1.SeatReservationRejected;
import io.ticketing.proto.events.v1.SeatReserved;
import io.ticketing.proto.events.v1.StopInfo;
import io.ticketing.proto.events.v1.TripCancelled;
import io.ticketing.ticket.application.port.in.CancelTicketUseCase;
import io.ticketing.ticket.application.port.in.ConfirmTicketCommand;
import io.ticketing.ticket.application.port.in.RejectTicketCommand;
import io.ticketing.ticket.application.port.in.SettleReservationUseCase;
import io.ticketing.ticket.domain.model.Booking;
import io.ticketing.ticket.domain.model.Money;
import io.ticketing.ticket.domain.model.Rejection;
import io.ticketing.ticket.domain.model.Seat;
import io.ticketing.ticket.domain.model.SeatClass;
import io.ticketing.ticket.domain.model.Stop;
import io.ticketing.ticket.domain.model.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * train-service's answers and trip cancellations. A malformed event throws, so it is retried and finally
 * dead-lettered rather than silently lost.
 */
@Component
class TrainEventHandlers {

    private static final String REASON_PREFIX = "REJECTION_REASON_";

    private final SettleReservationUseCase settlement;
    private final CancelTicketUseCase cancellation;

    TrainEventHandlers(SettleReservationUseCase settlement, CancelTicketUseCase cancellation) {
        this.settlement = settlement;
        this.cancellation = cancellation;
    }

    void seatReserved(SeatReserved event, InboundContext context) {
        io.ticketing.proto.common.v1.Seat seat = event.getSeat();
        Booking booking = new Booking(event.getTrainNumber(),
                new Seat(UUID.fromString(seat.getSeatId()), seat.getWagon(), seat.getNumber(),
                        seatClass(seat.getSeatClass())),
                stop(event.getFrom()), stop(event.getTo()),
                new Money(new BigDecimal(event.getPrice().getAmount()), event.getPrice().getCurrency()));
        settlement.confirm(new ConfirmTicketCommand(TicketId.of(event.getTicketId()), booking));
    }

    void seatReservationRejected(SeatReservationRejected event, InboundContext context) {
        String reason = event.getReason().name();
        settlement.reject(new RejectTicketCommand(TicketId.of(event.getTicketId()), new Rejection(
                reason.startsWith(REASON_PREFIX) ? reason.substring(REASON_PREFIX.length()) : reason,
                event.getDetail())));
    }

    void tripCancelled(TripCancelled event, InboundContext context) {
        cancellation.cancelTrip(UUID.fromString(event.getTripId()));
    }

    private static Stop stop(StopInfo stop) {
        return new Stop(UUID.fromString(stop.getStationId()), stop.getStationName(), stop.getIndex(),
                instant(stop.hasArrival(), stop.getArrival()), instant(stop.hasDeparture(), stop.getDeparture()));
    }

    private static @Nullable Instant instant(boolean present, Timestamp timestamp) {
        return present ? Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()) : null;
    }

    private static SeatClass seatClass(io.ticketing.proto.common.v1.SeatClass seatClass) {
        return switch (seatClass) {
            case SEAT_CLASS_FIRST -> SeatClass.FIRST;
            case SEAT_CLASS_SECOND -> SeatClass.SECOND;
            case SEAT_CLASS_UNSPECIFIED, UNRECOGNIZED ->
                    throw new IllegalArgumentException("A reserved seat has a class, got " + seatClass);
        };
    }
}
