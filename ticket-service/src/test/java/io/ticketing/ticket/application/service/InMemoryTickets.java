package io.ticketing.ticket.application.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.ticketing.ticket.application.port.in.TicketPage;
import io.ticketing.ticket.application.port.out.TicketEventPublisher;
import io.ticketing.ticket.application.port.out.TicketRepository;
import io.ticketing.ticket.domain.model.Ticket;
import io.ticketing.ticket.domain.model.TicketEvent;
import io.ticketing.ticket.domain.model.TicketId;
import io.ticketing.ticket.domain.model.TicketStatus;

/** Fakes of the outgoing ports for use-case unit tests. */
class InMemoryTickets implements TicketRepository, TicketEventPublisher {

    final Map<TicketId, Ticket> stored = new ConcurrentHashMap<>();
    final List<TicketEvent> published = new ArrayList<>();

    @Override
    public void lockForBooking(TicketId id) {
    }

    @Override
    public Optional<Ticket> findById(TicketId id) {
        return Optional.ofNullable(stored.get(id));
    }

    @Override
    public void add(Ticket ticket) {
        if (stored.putIfAbsent(ticket.id(), ticket) != null) {
            throw new IllegalStateException("duplicate " + ticket.id());
        }
    }

    @Override
    public void update(Ticket ticket) {
        stored.put(ticket.id(), ticket);
    }

    @Override
    public List<Ticket> claimDue(Instant now, int limit) {
        return stored.values().stream().filter(t -> t.isDue(now)).limit(limit).toList();
    }

    @Override
    public List<Ticket> lockUnsettledOfTrip(UUID tripId) {
        return stored.values().stream()
                .filter(t -> tripId.equals(t.request().tripId()) && !t.status().isFinal())
                .toList();
    }

    @Override
    public TicketPage findByUser(UUID userId, int page, int size) {
        List<Ticket> own = stored.values().stream().filter(t -> t.isOwnedBy(userId))
                .sorted(Comparator.comparing(Ticket::createdAt).reversed()).toList();
        return new TicketPage(own.stream().skip((long) page * size).limit(size).toList(), page, size, own.size());
    }

    @Override
    public void publish(TicketEvent event) {
        published.add(event);
    }

    TicketStatus status(TicketId id) {
        return stored.get(id).status();
    }
}
