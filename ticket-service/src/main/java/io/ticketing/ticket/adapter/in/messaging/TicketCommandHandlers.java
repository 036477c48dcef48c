package io.ticketing.ticket.adapter.in.messaging;

import java.util.UUID;

import io.ticketing.platform.messaging.InboundContext;
import io.ticketing.platform.security.CurrentUser;
import io.ticketing.proto.commands.v1.BookTicket;
import io.ticketing.proto.commands.v1.CancelTicket;
import io.ticketing.ticket.application.port.in.BookTicketCommand;
import io.ticketing.ticket.application.port.in.BookTicketUseCase;
import io.ticketing.ticket.application.port.in.CancelTicketCommand;
import io.ticketing.ticket.application.port.in.CancelTicketUseCase;
import io.ticketing.ticket.domain.model.SeatClass;
import io.ticketing.ticket.domain.model.TicketId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The gateway's durable commands. They were answered with 202 already, so nothing here throws for a bad
 * command: an invalid booking becomes a rejected ticket, an unidentifiable one is dropped with a log line.
 * Only a cancellation of a ticket not stored yet fails, to be redelivered once its booking may have arrived.
 */
@Component
class TicketCommandHandlers {

    private static final Logger log = LoggerFactory.getLogger(TicketCommandHandlers.class);

    private final BookTicketUseCase booking;
    private final CancelTicketUseCase cancellation;

    TicketCommandHandlers(BookTicketUseCase booking, CancelTicketUseCase cancellation) {
        this.booking = booking;
        this.cancellation = cancellation;
    }

    void book(BookTicket command, InboundContext context) {
        TicketId id = ticketId(command.getTicketId());
        UUID user = context.userId();
        if (id == null || user == null) {
            log.warn("Dropping BookTicket {}: no valid ticket id or user", context.messageId());
            return;
        }
        booking.book(new BookTicketCommand(id, user, command.getRequestHash(), command.getTripId(),
                command.getFromStationId(), command.getToStationId(), command.getSeatId(),
                seatClass(command.getSeatClass()), command.getPassengerName()));
    }

    void cancel(CancelTicket command, InboundContext context) {
        TicketId id = ticketId(command.getTicketId());
        UUID user = context.userId();
        if (id == null || user == null) {
            log.warn("Dropping CancelTicket {}: no valid ticket id or user", context.messageId());
            return;
        }
        cancellation.cancel(new CancelTicketCommand(id, user, context.hasRole(CurrentUser.ADMIN)));
    }

    private static @Nullable TicketId ticketId(String value) {
        try {
            return TicketId.of(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable SeatClass seatClass(io.ticketing.proto.common.v1.SeatClass seatClass) {
        return switch (seatClass) {
            case SEAT_CLASS_FIRST -> SeatClass.FIRST;
            case SEAT_CLASS_SECOND -> SeatClass.SECOND;
            case SEAT_CLASS_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }
}
