package io.ticketing.notification.adapter.out.persistence;

import java.time.Instant;
import java.util.Optional;

import io.ticketing.notification.application.port.out.MailDeliveryRepository;
import io.ticketing.notification.domain.model.MailDelivery;
import org.springframework.stereotype.Component;

@Component
class MailDeliveryPersistenceAdapter implements MailDeliveryRepository {

    private final MailDeliveryJpaRepository repository;

    MailDeliveryPersistenceAdapter(MailDeliveryJpaRepository repository) {
        this.repository = repository;
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
