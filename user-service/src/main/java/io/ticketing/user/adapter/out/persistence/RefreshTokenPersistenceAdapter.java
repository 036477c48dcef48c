package io.ticketing.user.adapter.out.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.ticketing.user.application.port.out.RefreshTokenRepository;
import io.ticketing.user.domain.model.RefreshToken;
import io.ticketing.user.domain.model.UserId;
import org.springframework.stereotype.Component;

@Component
class RefreshTokenPersistenceAdapter implements RefreshTokenRepository {

    private final RefreshTokenJpaRepository repository;

    RefreshTokenPersistenceAdapter(RefreshTokenJpaRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<RefreshToken> findByHashForUpdate(String tokenHash) {
        return repository.lockByTokenHash(tokenHash).map(RefreshTokenPersistenceAdapter::toDomain);
    }

    @Override
    public Optional<RefreshToken> findByHash(String tokenHash) {
        return repository.findByTokenHash(tokenHash).map(RefreshTokenPersistenceAdapter::toDomain);
    }

    @Override
    public void add(RefreshToken token) {
        repository.save(toEntity(token, true));
    }

    @Override
    public void update(RefreshToken token) {
        repository.save(toEntity(token, false));
    }

    @Override
    public void revokeFamily(UUID familyId, Instant now) {
        repository.revokeFamily(familyId, now);
    }

    @Override
    public int deleteSessionsExpiredBefore(Instant cutoff, int limit) {
        return repository.deleteSessionsExpiredBefore(cutoff, limit);
    }

    private static RefreshTokenEntity toEntity(RefreshToken t, boolean fresh) {
        return new RefreshTokenEntity(t.id(), t.userId().value(), t.familyId(), t.tokenHash(), t.issuedAt(),
                t.expiresAt(), t.rotatedAt(), t.revokedAt(), fresh);
    }

    private static RefreshToken toDomain(RefreshTokenEntity e) {
        return new RefreshToken(e.getId(), new UserId(e.userId()), e.familyId(), e.tokenHash(), e.issuedAt(),
                e.expiresAt(), e.rotatedAt(), e.revokedAt());
    }
}
