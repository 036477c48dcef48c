package io.ticketing.notification.adapter.out.persistence;

import java.time.Instant;
import java.util.UUID;

import io.ticketing.notification.domain.model.Recipient;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "recipient")
class RecipientEntity {

    @Id
    @Column(name = "user_id")
    private UUID userId;
    @Column(nullable = false, columnDefinition = "text")
    private String email;
    @Column(name = "full_name", nullable = false, columnDefinition = "text")
    private String fullName;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RecipientEntity() {
    }

    static RecipientEntity of(Recipient recipient, Instant now) {
        RecipientEntity e = new RecipientEntity();
        e.userId = recipient.userId();
        e.email = recipient.email();
        e.fullName = recipient.fullName();
        e.updatedAt = now;
        return e;
    }

    Recipient toDomain() {
        return new Recipient(userId, email, fullName);
    }
}
