package io.ticketing.ticket.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.ticketing.ticket.application.port.in.ExpireTicketsUseCase;
import io.ticketing.ticket.application.port.out.TicketEventPublisher;
import io.ticketing.ticket.application.port.out.TicketRepository;
import io.ticketing.ticket.domain.model.Ticket;
import org.springframework.transaction.annotation.Transactional;

public class ExpireTicketsService implements ExpireTicketsUseCase {

    private final TicketRepository tickets;
    private final TicketChanges changes;
    private final Clock clock;

    public ExpireTicketsService(TicketRepository tickets, TicketEventPublisher events, TicketWaiters waiters,
            Clock clock) {
        this.tickets = tickets;
        this.changes = new TicketChanges(tickets, events, waiters);
        this.clock = clock;
    }

    @Override
    @Transactional
    public int expireDue(int batchSize) {
        Instant now = clock.instant();
        List<Ticket> due = tickets.claimDue(now, batchSize);
        due.forEach(t -> changes.apply(t.expireIfDue(now)));
        return due.size();
    }
}
