package io.ticketing.user.adapter.out.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

@Entity
@Table(name = "refresh_token")
class RefreshTokenEntity implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "family_id", nullable = false)
    private UUID familyId;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "rotated_at")
    private @Nullable Instant rotatedAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    @Transient
    private boolean fresh;

    protected RefreshTokenEntity() {
        // for JPA
        this.id = new UUID(0, 0);
        this.userId = id;
        this.familyId = id;
        this.tokenHash = "";
        this.issuedAt = Instant.EPOCH;
        this.expiresAt = Instant.EPOCH;
    }

    RefreshTokenEntity(UUID id, UUID userId, UUID familyId, String tokenHash, Instant issuedAt, Instant expiresAt,
            @Nullable Instant rotatedAt, @Nullable Instant revokedAt, boolean fresh) {
        this.id = id;
        this.userId = userId;
        this.familyId = familyId;
        this.tokenHash = tokenHash;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.rotatedAt = rotatedAt;
        this.revokedAt = revokedAt;
        this.fresh = fresh;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        fresh = false;
    }

    @Override
    public @Nullable UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    UUID userId() {
        return userId;
    }

    UUID familyId() {
        return familyId;
    }

    String tokenHash() {
        return tokenHash;
    }

    Instant issuedAt() {
        return issuedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    @Nullable Instant rotatedAt() {
        return rotatedAt;
    }

    @Nullable Instant revokedAt() {
        return revokedAt;
    }
}
