package io.ticketing.train.application.port.out;

import java.util.UUID;

import io.ticketing.train.domain.model.TicketId;
import io.ticketing.train.domain.model.TripId;

/** Who holds a confirmed ticket on which trip (learned from ticket-service's events). */
public interface TravellerRepository {

    void record(TicketId ticketId, TripId tripId, UUID userId);

    void forget(TicketId ticketId);

    boolean travels(TripId tripId, UUID userId);
}
