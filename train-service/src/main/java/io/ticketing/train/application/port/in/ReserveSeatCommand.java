package io.ticketing.train.application.port.in;

import io.ticketing.train.domain.model.SeatClass;
import io.ticketing.train.domain.model.SeatId;
import io.ticketing.train.domain.model.StationId;
import io.ticketing.train.domain.model.TicketId;
import io.ticketing.train.domain.model.TripId;
import org.jspecify.annotations.Nullable;

/** A ticket asks for {@code seatId}, or when there is none, for any seat of {@code seatClass}. */
public record ReserveSeatCommand(TicketId ticketId, TripId tripId, StationId from, StationId to,
        @Nullable SeatId seatId, @Nullable SeatClass seatClass) {
}
