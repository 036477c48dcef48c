package io.ticketing.notification.adapter.out.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MailDeliveryJpaRepository extends JpaRepository<MailDeliveryEntity, UUID> {

    @Query(value = """
            SELECT * FROM mail_delivery
            WHERE status = 'PENDING' AND next_attempt_at <= :now
            ORDER BY next_attempt_at
            LIMIT 1
            FOR UPDATE SKIP LOCKED""", nativeQuery = true)
    Optional<MailDeliveryEntity> claimNextDue(@Param("now") Instant now);
}
