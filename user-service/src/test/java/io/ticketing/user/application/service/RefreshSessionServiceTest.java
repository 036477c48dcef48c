package io.ticketing.user.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.ticketing.user.application.port.in.SessionTokens;
import io.ticketing.user.application.port.out.AccessTokenIssuer;
import io.ticketing.user.application.port.out.RefreshTokenRepository;
import io.ticketing.user.application.port.out.UserRepository;
import io.ticketing.user.domain.model.EmailAddress;
import io.ticketing.user.domain.model.RefreshToken;
import io.ticketing.user.domain.model.RefreshTokenRejected;
import io.ticketing.user.domain.model.Role;
import io.ticketing.user.domain.model.SessionPolicy;
import io.ticketing.user.domain.model.User;
import io.ticketing.user.domain.model.UserId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Rotation and reuse detection through the use case, with in-memory ports. */
class RefreshSessionServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final InMemoryTokens tokens = new InMemoryTokens();
    private final User user = User.register(new UserId(UUID.randomUUID()), EmailAddress.parse("a@example.com"), "A",
            Set.of(Role.USER), "$2a$hash", NOW).user();
    private final SessionIssuer sessions = new SessionIssuer(tokens,
            (u, now) -> new AccessTokenIssuer.AccessToken("access-" + u.id(), Duration.ofMinutes(15)),
            new SessionPolicy(Duration.ofDays(14), GRACE));
    private final RefreshSessionService service = serviceAt(NOW.plusSeconds(60));
    private final RefreshSessionService afterTheGrace = serviceAt(NOW.plusSeconds(60).plus(GRACE));

    @Test
    void eachRefreshHandsOutANewTokenAndRetiresTheOldOne() {
        SessionTokens login = sessions.start(user, NOW);

        SessionTokens refreshed = service.refresh(login.refreshToken());

        assertThat(refreshed.refreshToken()).isNotEqualTo(login.refreshToken());
        assertThat(refreshed.accessToken()).isEqualTo("access-" + user.id());
        assertThat(tokens.byHash.values()).hasSize(2)
                .allSatisfy(t -> assertThat(t.familyId())
                        .isEqualTo(tokens.byHash.values().iterator().next().familyId()));
        assertThat(service.refresh(refreshed.refreshToken()).refreshToken()).isNotBlank();
    }

    @Test
    void replayingARetiredTokenAfterTheGraceRevokesEveryTokenOfTheSession() {
        SessionTokens login = sessions.start(user, NOW);
        SessionTokens refreshed = service.refresh(login.refreshToken());

        RefreshTokenRejected replay = catchThrowableOfType(RefreshTokenRejected.class,
                () -> afterTheGrace.refresh(login.refreshToken()));

        assertThat(replay.reuseDetected()).isTrue();
        assertThat(tokens.byHash.values()).allSatisfy(t -> assertThat(t.revokedAt()).isNotNull());
        assertThat(catchThrowableOfType(RefreshTokenRejected.class,
                () -> afterTheGrace.refresh(refreshed.refreshToken())).reason())
                .isEqualTo(RefreshTokenRejected.Reason.REVOKED);
    }

    @Test
    void aRetiredTokenBackWithinTheGraceIsRefusedAndTheSessionGoesOnWithItsNewerToken() {
        SessionTokens login = sessions.start(user, NOW);
        SessionTokens refreshed = service.refresh(login.refreshToken());

        RefreshTokenRejected again = catchThrowableOfType(RefreshTokenRejected.class,
                () -> service.refresh(login.refreshToken()));

        assertThat(again.reason()).isEqualTo(RefreshTokenRejected.Reason.ROTATED_WITHIN_GRACE);
        assertThat(tokens.byHash.values()).allSatisfy(t -> assertThat(t.revokedAt()).isNull());
        assertThat(afterTheGrace.refresh(refreshed.refreshToken()).refreshToken()).isNotBlank();
    }

    @Test
    void otherSessionsSurviveAReplay() {
        SessionTokens first = sessions.start(user, NOW);
        SessionTokens second = sessions.start(user, NOW);
        service.refresh(first.refreshToken());

        catchThrowableOfType(RefreshTokenRejected.class, () -> afterTheGrace.refresh(first.refreshToken()));

        assertThat(service.refresh(second.refreshToken()).refreshToken()).isNotBlank();
    }

    @Test
    void unknownTokensAreRejected() {
        assertThat(catchThrowableOfType(RefreshTokenRejected.class, () -> service.refresh("nope")).reason())
                .isEqualTo(RefreshTokenRejected.Reason.UNKNOWN);
    }

    private RefreshSessionService serviceAt(Instant now) {
        return new RefreshSessionService(tokens, new OneUser(user), sessions, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static final class InMemoryTokens implements RefreshTokenRepository {
        final Map<String, RefreshToken> byHash = new HashMap<>();

        @Override
        public Optional<RefreshToken> findByHashForUpdate(String tokenHash) {
            return findByHash(tokenHash);
        }

        @Override
        public Optional<RefreshToken> findByHash(String tokenHash) {
            return Optional.ofNullable(byHash.get(tokenHash));
        }

        @Override
        public void lockSession(UUID familyId) {
            // one thread: nothing to wait for
        }

        @Override
        public void add(RefreshToken token) {
            byHash.put(token.tokenHash(), token);
        }

        @Override
        public void update(RefreshToken token) {
            byHash.put(token.tokenHash(), token);
        }

        @Override
        public void revokeFamily(UUID familyId, Instant now) {
            byHash.replaceAll((hash, t) -> t.familyId().equals(familyId) && t.revokedAt() == null
                    ? new RefreshToken(t.id(), t.userId(), t.familyId(), t.tokenHash(), t.issuedAt(), t.expiresAt(),
                            t.rotatedAt(), now)
                    : t);
        }

        @Override
        public int deleteSessionsExpiredBefore(Instant cutoff, int limit) {
            List<String> doomed = byHash.values().stream()
                    .filter(t -> byHash.values().stream().noneMatch(
                            live -> live.familyId().equals(t.familyId()) && !live.expiresAt().isBefore(cutoff)))
                    .limit(limit)
                    .map(RefreshToken::tokenHash)
                    .toList();
            doomed.forEach(byHash::remove);
            return doomed.size();
        }
    }

    private record OneUser(User user) implements UserRepository {
        @Override
        public Optional<User> findById(UserId id) {
            return Optional.of(user).filter(u -> u.id().equals(id));
        }

        @Override
        public Optional<User> findByEmail(String normalizedEmail) {
            return Optional.of(user).filter(u -> u.email().value().equals(normalizedEmail));
        }

        @Override
        public boolean existsByEmail(EmailAddress email) {
            return findByEmail(email.value()).isPresent();
        }

        @Override
        public void add(User user) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(User user) {
            throw new UnsupportedOperationException();
        }
    }
}
