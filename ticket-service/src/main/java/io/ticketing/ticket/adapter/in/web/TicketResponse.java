package io.ticketing.ticket.adapter.in.web;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ticketing.ticket.domain.model.Booking;
import io.ticketing.ticket.domain.model.Rejection;
import io.ticketing.ticket.domain.model.SeatClass;
import io.ticketing.ticket.domain.model.Ticket;
import io.ticketing.ticket.domain.model.TicketStatus;
import org.jspecify.annotations.Nullable;

/** A ticket as API.md shows it; seat, price and stop names appear once train-service reserved the seat. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TicketResponse(
        UUID id,
        TicketStatus status,
        @Nullable UUID tripId,
        @Nullable From from,
        @Nullable To to,
        @Nullable SeatResponse seat,
        String passengerName,
        @Nullable Price price,
        @Nullable String reason,
        Instant createdAt,
        Instant updatedAt) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record From(UUID stationId, @Nullable String name, @Nullable Instant departure) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record To(UUID stationId, @Nullable String name, @Nullable Instant arrival) {
    }

    record SeatResponse(UUID id, int wagon, String number, SeatClass seatClass) {
    }

    record Price(String amount, String currency) {
    }

    static TicketResponse from(Ticket ticket) {
        Booking booking = ticket.booking();
        UUID fromStation = ticket.request().fromStationId();
        UUID toStation = ticket.request().toStationId();
        Rejection rejection = ticket.rejection();
        return new TicketResponse(
                ticket.id().value(),
                ticket.status(),
                ticket.request().tripId(),
                booking != null
                        ? new From(booking.from().stationId(), booking.from().name(), booking.from().departure())
                        : fromStation == null ? null : new From(fromStation, null, null),
                booking != null ? new To(booking.to().stationId(), booking.to().name(), booking.to().arrival())
                        : toStation == null ? null : new To(toStation, null, null),
                booking == null ? null : new SeatResponse(booking.seat().id(), booking.seat().wagon(),
                        booking.seat().number(), booking.seat().seatClass()),
                ticket.request().passengerName(),
                booking == null ? null : new Price(booking.price().amount().toPlainString(),
                        booking.price().currency()),
                rejection == null ? null : rejection.reason(),
                ticket.createdAt(),
                ticket.updatedAt());
    }
}
