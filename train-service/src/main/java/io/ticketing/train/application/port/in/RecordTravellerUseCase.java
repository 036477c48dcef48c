package io.ticketing.train.application.port.in;

import java.util.UUID;

import io.ticketing.train.domain.model.TicketId;
import io.ticketing.train.domain.model.TripId;

public interface RecordTravellerUseCase {

    /** The user holds a confirmed ticket on the trip and may review it (unless the ticket closes later). */
    void recordTraveller(TicketId ticketId, TripId tripId, UUID userId);
}
