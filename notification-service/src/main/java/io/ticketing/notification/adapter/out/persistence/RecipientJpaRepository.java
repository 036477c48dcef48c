package io.ticketing.notification.adapter.out.persistence;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RecipientJpaRepository extends JpaRepository<RecipientEntity, UUID> {
}
