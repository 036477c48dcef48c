package io.ticketing.ticket.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.ticketing.ticket.application.port.in.CancelTicketCommand;
import io.ticketing.ticket.application.port.in.CancelTicketUseCase;
import io.ticketing.ticket.application.port.out.TicketEventPublisher;
import io.ticketing.ticket.application.port.out.TicketRepository;
import io.ticketing.ticket.domain.model.CancellationCause;
import io.ticketing.ticket.domain.model.Ticket;
import io.ticketing.ticket.domain.model.TicketAlreadySettled;
import io.ticketing.ticket.domain.model.TicketNotFound;
import io.ticketing.ticket.domain.model.TripAlreadyDeparted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

public class CancelTicketService implements CancelTicketUseCase {

    private static final Logger log = LoggerFactory.getLogger(CancelTicketService.class);

    private final TicketRepository tickets;
    private final TicketChanges changes;
    private final Clock clock;

    public CancelTicketService(TicketRepository tickets, TicketEventPublisher events, TicketWaiters waiters,
            Clock clock) {
        this.tickets = tickets;
        this.changes = new TicketChanges(tickets, events, waiters);
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean cancel(CancelTicketCommand command) {
        // the gateway publishes blindly while it cannot look tickets up, and replicas consume in parallel: the
        // booking may not be stored yet, so an unknown ticket fails the command to have it redelivered later
        Ticket ticket = tickets.findById(command.ticketId())
                .orElseThrow(() -> new TicketNotFound(command.ticketId()));
        if (!command.admin() && !ticket.isOwnedBy(command.actor())) {
            log.warn("Ignoring cancellation of ticket {} by {}: not theirs", ticket.id(), command.actor());
            return false;
        }
        CancellationCause cause = ticket.isOwnedBy(command.actor())
                ? CancellationCause.BY_TRAVELLER : CancellationCause.BY_OPERATOR;
        try {
            changes.apply(ticket.cancel(cause, clock.instant()));
            return true;
        } catch (TicketAlreadySettled | TripAlreadyDeparted refused) {
            // the gateway checked the same rules when it accepted the command; the state moved on since
            log.info("Refused cancellation of ticket {}: {}", ticket.id(), refused.getMessage());
            return false;
        }
    }

    @Override
    @Transactional
    public int cancelTrip(UUID tripId) {
        Instant now = clock.instant();
        List<Ticket> standing = tickets.lockUnsettledOfTrip(tripId);
        standing.forEach(t -> changes.apply(t.tripCancelled(now)));
        log.info("Trip {} cancelled: {} tickets cancelled", tripId, standing.size());
        return standing.size();
    }
}
