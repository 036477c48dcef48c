package io.ticketing.ticket.application.service;

import java.time.Clock;
import java.util.Optional;

import io.ticketing.ticket.application.port.in.ConfirmTicketCommand;
import io.ticketing.ticket.application.port.in.RejectTicketCommand;
import io.ticketing.ticket.application.port.in.SettleReservationUseCase;
import io.ticketing.ticket.application.port.out.TicketEventPublisher;
import io.ticketing.ticket.application.port.out.TicketRepository;
import io.ticketing.ticket.domain.model.Ticket;
import io.ticketing.ticket.domain.model.TicketId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

public class SettleReservationService implements SettleReservationUseCase {

    private static final Logger log = LoggerFactory.getLogger(SettleReservationService.class);

    private final TicketRepository tickets;
    private final TicketChanges changes;
    private final Clock clock;

    public SettleReservationService(TicketRepository tickets, TicketEventPublisher events, TicketWaiters waiters,
            Clock clock) {
        this.tickets = tickets;
        this.changes = new TicketChanges(tickets, events, waiters);
        this.clock = clock;
    }

    @Override
    @Transactional
    public void confirm(ConfirmTicketCommand command) {
        find(command.ticketId()).ifPresent(t -> changes.apply(t.seatReserved(command.booking(), clock.instant())));
    }

    @Override
    @Transactional
    public void reject(RejectTicketCommand command) {
        find(command.ticketId())
                .ifPresent(t -> changes.apply(t.reservationRejected(command.rejection(), clock.instant())));
    }

    private Optional<Ticket> find(TicketId id) {
        Optional<Ticket> ticket = tickets.findById(id);
        if (ticket.isEmpty()) {
            // train-service only answers tickets we asked for; nothing to settle, nothing to retry
            log.warn("Ignoring a reservation answer for unknown ticket {}", id);
        }
        return ticket;
    }
}
