package io.ticketing.ticket.adapter.in.messaging;

import io.ticketing.platform.inbox.ConsumerDefinition;
import io.ticketing.platform.messaging.Streams;
import io.ticketing.proto.commands.v1.BookTicket;
import io.ticketing.proto.commands.v1.CancelTicket;
import io.ticketing.proto.events.v1.SeatReservationRejected;
import io.ticketing.proto.events.v1.SeatReserved;
import io.ticketing.proto.events.v1.TripCancelled;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The durable consumers (names per docs/service-contracts.md); the platform runs each in the inbox transaction. */
@Configuration(proxyBeanMethods = false)
class MessagingConsumers {

    @Bean
    ConsumerDefinition ticketCommandsConsumer(TicketCommandHandlers commands) {
        return ConsumerDefinition.durable("ticket-service-commands", Streams.COMMANDS, "commands.ticket.>")
                .on(BookTicket.getDefaultInstance(), commands::book)
                .on(CancelTicket.getDefaultInstance(), commands::cancel)
                .build();
    }

    @Bean
    ConsumerDefinition trainEventsConsumer(TrainEventHandlers events) {
        return ConsumerDefinition.durable("ticket-service-trains", Streams.TRAINS, "trains.events.>")
                .on(SeatReserved.getDefaultInstance(), events::seatReserved)
                .on(SeatReservationRejected.getDefaultInstance(), events::seatReservationRejected)
                .on(TripCancelled.getDefaultInstance(), events::tripCancelled)
                .build();
    }
}
