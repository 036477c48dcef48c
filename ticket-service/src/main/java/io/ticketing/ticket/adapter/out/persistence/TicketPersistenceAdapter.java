package io.ticketing.ticket.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.ticketing.ticket.application.port.in.TicketPage;
import io.ticketing.ticket.application.port.out.TicketRepository;
import io.ticketing.ticket.domain.model.Ticket;
import io.ticketing.ticket.domain.model.TicketId;
import io.ticketing.ticket.domain.model.TicketStatus;
import jakarta.persistence.EntityManager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

@Component
class TicketPersistenceAdapter implements TicketRepository {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final TicketJpaRepository jpa;
    private final EntityManager entityManager;

    TicketPersistenceAdapter(TicketJpaRepository jpa, EntityManager entityManager) {
        this.jpa = jpa;
        this.entityManager = entityManager;
    }

    @Override
    public void lockForBooking(TicketId id) {
        jpa.lock(id.value().getMostSignificantBits() ^ id.value().getLeastSignificantBits());
    }

    @Override
    public Optional<Ticket> findById(TicketId id) {
        return jpa.findById(id.value()).map(TicketEntity::toDomain);
    }

    @Override
    public void add(Ticket ticket) {
        // persist, not save: an assigned id would make save() merge
        entityManager.persist(TicketEntity.newFrom(ticket));
    }

    @Override
    public void update(Ticket ticket) {
        TicketEntity entity = jpa.findById(ticket.id().value())
                .orElseThrow(() -> new IllegalStateException("Ticket " + ticket.id() + " vanished"));
        if (entity.version() != ticket.version()) {
            throw new ObjectOptimisticLockingFailureException(TicketEntity.class, ticket.id().value());
        }
        // the flush checks the version again in its UPDATE, against writers in other transactions
        entity.copyState(ticket);
    }

    @Override
    public List<Ticket> claimDue(Instant now, int limit) {
        return jpa.claimDue(now, limit).stream().map(TicketEntity::toDomain).toList();
    }

    @Override
    public List<Ticket> findUnsettledOfTrip(UUID tripId) {
        return jpa.findByTripIdAndStatusIn(tripId, List.of(TicketStatus.PENDING, TicketStatus.CONFIRMED)).stream()
                .map(TicketEntity::toDomain)
                .toList();
    }

    @Override
    public TicketPage findByUser(UUID userId, int page, int size) {
        Page<TicketEntity> found = jpa.findByUserId(userId, PageRequest.of(page, size, NEWEST_FIRST));
        return new TicketPage(found.map(TicketEntity::toDomain).getContent(), page, size, found.getTotalElements());
    }
}
