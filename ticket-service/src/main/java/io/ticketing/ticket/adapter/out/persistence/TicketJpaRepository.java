package io.ticketing.ticket.adapter.out.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.ticketing.ticket.domain.model.TicketStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TicketJpaRepository extends JpaRepository<TicketEntity, UUID> {

    Page<TicketEntity> findByUserId(UUID userId, Pageable pageable);

    List<TicketEntity> findByTripIdAndStatusIn(UUID tripId, Collection<TicketStatus> statuses);

    /** SKIP LOCKED lets every replica run the expiry job without waiting for or double-expiring a ticket. */
    @Query(value = """
            SELECT * FROM ticket
            WHERE status = 'PENDING' AND expires_at <= :now
            ORDER BY expires_at
            LIMIT :limit
            FOR UPDATE SKIP LOCKED""", nativeQuery = true)
    List<TicketEntity> claimDue(@Param("now") Instant now, @Param("limit") int limit);

    /** A transaction-scoped advisory lock; the count only gives the statement a readable result. */
    @Query(value = "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(:key)) AS locked", nativeQuery = true)
    long lock(@Param("key") long key);
}
