package io.ticketing.notification.adapter.out.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.ticketing.notification.application.port.in.GetNotificationsQuery.NotificationPage;
import io.ticketing.notification.application.port.out.NotificationRepository;
import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationId;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;

@Component
class NotificationPersistenceAdapter implements NotificationRepository {

    private final NotificationJpaRepository repository;
    private final EntityManager entityManager;

    NotificationPersistenceAdapter(NotificationJpaRepository repository, EntityManager entityManager) {
        this.repository = repository;
        this.entityManager = entityManager;
    }

    @Override
    public boolean existsForSourceEvent(String sourceEventId) {
        return repository.existsBySourceEventId(sourceEventId);
    }

    @Override
    public void add(Notification notification) {
        // persist, not save: with an assigned id, save() would merge and SELECT the row before inserting it
        entityManager.persist(NotificationEntity.of(notification));
    }

    @Override
    public void save(Notification notification) {
        repository.save(NotificationEntity.of(notification));
    }

    @Override
    public Optional<Notification> findById(NotificationId id) {
        return repository.findById(id.value()).map(NotificationEntity::toDomain);
    }

    @Override
    public Optional<Notification> findOwned(NotificationId id, UUID userId) {
        return repository.findByIdAndUserId(id.value(), userId).map(NotificationEntity::toDomain);
    }

    @Override
    public NotificationPage findPage(UUID userId, long offset, int limit) {
        List<Notification> items = repository.findPage(userId, offset, limit).stream()
                .map(NotificationEntity::toDomain).toList();
        return new NotificationPage(items, repository.countByUserId(userId));
    }

    @Override
    public long countUnread(UUID userId) {
        return repository.countByUserIdAndReadAtIsNull(userId);
    }

    @Override
    public List<Notification> findCreatedAfter(UUID userId, NotificationId after, int limit) {
        return repository.findCreatedAfter(userId, after.value(), limit).stream()
                .map(NotificationEntity::toDomain).toList();
    }
}
