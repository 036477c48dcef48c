package io.ticketing.notification.adapter.out.persistence;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.ticketing.notification.application.port.out.RecipientRepository;
import io.ticketing.notification.domain.model.Recipient;
import org.springframework.stereotype.Component;

@Component
class RecipientPersistenceAdapter implements RecipientRepository {

    private final RecipientJpaRepository repository;
    private final Clock clock;

    RecipientPersistenceAdapter(RecipientJpaRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public void save(Recipient recipient) {
        repository.save(RecipientEntity.of(recipient, clock.instant()));
    }

    @Override
    public Optional<Recipient> find(UUID userId) {
        return repository.findById(userId).map(RecipientEntity::toDomain);
    }
}
