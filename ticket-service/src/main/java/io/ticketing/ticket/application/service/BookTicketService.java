package io.ticketing.ticket.application.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.ticketing.platform.error.FieldViolation;
import io.ticketing.ticket.application.port.in.BookTicketCommand;
import io.ticketing.ticket.application.port.in.BookTicketUseCase;
import io.ticketing.ticket.application.port.out.TicketEventPublisher;
import io.ticketing.ticket.application.port.out.TicketRepository;
import io.ticketing.ticket.domain.model.Ticket;
import io.ticketing.ticket.domain.model.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

public class BookTicketService implements BookTicketUseCase {

    private static final Logger log = LoggerFactory.getLogger(BookTicketService.class);

    private final TicketRepository tickets;
    private final TicketChanges changes;
    private final Clock clock;
    private final Duration deadline;

    public BookTicketService(TicketRepository tickets, TicketEventPublisher events, TicketWaiters waiters, Clock clock,
            Duration deadline) {
        this.tickets = tickets;
        this.changes = new TicketChanges(tickets, events, waiters);
        this.clock = clock;
        this.deadline = deadline;
    }

    @Override
    @Transactional
    public Ticket book(BookTicketCommand command) {
        tickets.lockForBooking(command.ticketId());
        Optional<Ticket> existing = tickets.findById(command.ticketId());
        if (existing.isPresent()) {
            Ticket ticket = existing.get();
            if (ticket.sameRequest(command.requestHash())) {
                log.debug("Ticket {} already booked by the same request", ticket.id());
            } else {
                log.warn("Ignoring another request reusing the idempotency key of ticket {}", ticket.id());
            }
            return ticket;
        }
        List<FieldViolation> violations = command.violations();
        Transition transition = violations.isEmpty()
                ? Ticket.request(command.ticketId(), command.userId(), command.requestHash(), command.request(),
                        clock.instant(), deadline)
                : Ticket.rejectInvalid(command.ticketId(), command.userId(), command.requestHash(), command.request(),
                        describe(violations), clock.instant());
        changes.applyNew(transition);
        return transition.ticket();
    }

    private static String describe(List<FieldViolation> violations) {
        return violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
    }
}
