package io.ticketing.notification.adapter.out.persistence;

import java.time.Instant;
import java.util.Optional;

import io.ticketing.notification.application.port.out.MailDeliveryRepository;
import io.ticketing.notification.domain.model.MailDelivery;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;

@Component
class MailDeliveryPersistenceAdapter implements MailDeliveryRepository {

    private final MailDeliveryJpaRepository repository;
    private final EntityManager entityManager;

    MailDeliveryPersistenceAdapter(MailDeliveryJpaRepository repository, EntityManager entityManager) {
        this.repository = repository;
        this.entityManager = entityManager;
    }

    @Override
    public void add(MailDelivery delivery) {
        // persist, not save: with an assigned id, save() would merge and SELECT the row before inserting it
        entityManager.persist(MailDeliveryEntity.of(delivery));
    }

    @Override
    public void save(MailDelivery delivery) {
        repository.save(MailDeliveryEntity.of(delivery));
    }

    @Override
    public Optional<MailDelivery> claimNextDue(Instant now) {
        return repository.claimNextDue(now).map(MailDeliveryEntity::toDomain);
    }
}
