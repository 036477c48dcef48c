package io.ticketing.notification.adapter.out.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NotificationJpaRepository extends JpaRepository<NotificationEntity, UUID> {

    boolean existsBySourceEventId(String sourceEventId);

    Optional<NotificationEntity> findByIdAndUserId(UUID id, UUID userId);

    long countByUserId(UUID userId);

    long countByUserIdAndReadAtIsNull(UUID userId);

    @Query(value = """
            SELECT * FROM notification
            WHERE user_id = :userId
            ORDER BY created_at DESC, id DESC
            OFFSET :offset LIMIT :limit""", nativeQuery = true)
    List<NotificationEntity> findPage(@Param("userId") UUID userId, @Param("offset") long offset,
            @Param("limit") int limit);

    @Query(value = """
            SELECT n.* FROM notification n
            JOIN notification seen ON seen.id = :after AND seen.user_id = :userId
            WHERE n.user_id = :userId AND (n.created_at, n.id) > (seen.created_at, seen.id)
            ORDER BY n.created_at, n.id
            LIMIT :limit""", nativeQuery = true)
    List<NotificationEntity> findCreatedAfter(@Param("userId") UUID userId, @Param("after") UUID after,
            @Param("limit") int limit);
}
