package io.ticketing.train.adapter.in.messaging;

import java.util.UUID;

import io.ticketing.platform.inbox.ConsumerDefinition;
import io.ticketing.platform.messaging.Streams;
import io.ticketing.proto.events.v1.SeatReleaseRequested;
import io.ticketing.proto.events.v1.TicketBooked;
import io.ticketing.proto.events.v1.TicketCancelled;
import io.ticketing.proto.events.v1.TicketExpired;
import io.ticketing.proto.events.v1.TicketRequested;
import io.ticketing.train.application.port.in.RecordTravellerUseCase;
import io.ticketing.train.application.port.in.ReleaseSeatCommand;
import io.ticketing.train.application.port.in.ReleaseSeatUseCase;
import io.ticketing.train.application.port.in.ReserveSeatCommand;
import io.ticketing.train.application.port.in.ReserveSeatUseCase;
import io.ticketing.train.domain.model.SeatId;
import io.ticketing.train.domain.model.StationId;
import io.ticketing.train.domain.model.TicketId;
import io.ticketing.train.domain.model.TripId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * ticket-service's events that concern seats. The platform runs each handler in the transaction that
 * records the message in the inbox, so a redelivered message has no second effect. TicketRejected needs no
 * handler: a rejected ticket never held a seat.
 */
@Configuration(proxyBeanMethods = false)
class TicketEventsConsumer {

    static final String DURABLE = "train-service-tickets";

    @Bean
    ConsumerDefinition ticketEvents(ReserveSeatUseCase reserve, ReleaseSeatUseCase release,
            RecordTravellerUseCase travellers) {
        return ConsumerDefinition.durable(DURABLE, Streams.TICKETS, "tickets.events.>")
                .on(TicketRequested.getDefaultInstance(), (event, context) -> reserve.reserveSeat(
                        new ReserveSeatCommand(
                                ticketId(event.getTicketId()),
                                new TripId(ProtoMapping.idOrUnknown(event.getTripId())),
                                new StationId(ProtoMapping.idOrUnknown(event.getFromStationId())),
                                new StationId(ProtoMapping.idOrUnknown(event.getToStationId())),
                                event.getSeatId().isEmpty() ? null
                                        : new SeatId(ProtoMapping.idOrUnknown(event.getSeatId())),
                                ProtoMapping.seatClass(event.getSeatClass()))))
                .on(TicketCancelled.getDefaultInstance(), (event, context) -> release.releaseSeat(
                        new ReleaseSeatCommand(ticketId(event.getTicketId()), ReleaseSeatCommand.Cause.CANCELLED)))
                .on(TicketExpired.getDefaultInstance(), (event, context) -> release.releaseSeat(
                        new ReleaseSeatCommand(ticketId(event.getTicketId()), ReleaseSeatCommand.Cause.EXPIRED)))
                .on(SeatReleaseRequested.getDefaultInstance(), (event, context) -> release.releaseSeat(
                        new ReleaseSeatCommand(ticketId(event.getTicketId()),
                                ReleaseSeatCommand.Cause.RELEASE_REQUESTED)))
                .on(TicketBooked.getDefaultInstance(), (event, context) -> travellers.recordTraveller(
                        ticketId(event.getTicketId()), new TripId(ProtoMapping.idOrUnknown(event.getTripId())),
                        UUID.fromString(event.getUserId())))
                .build();
    }

    /** Without a ticket id there is nobody to answer: let the message fail into the dead-letter subject. */
    private static TicketId ticketId(String value) {
        return new TicketId(UUID.fromString(value));
    }
}
