package io.ticketing.user.it;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.ticketing.user.application.port.out.RefreshTokenRepository;
import io.ticketing.user.application.port.out.UserRepository;
import io.ticketing.user.domain.model.EmailAddress;
import io.ticketing.user.domain.model.RefreshToken;
import io.ticketing.user.domain.model.RefreshTokenSecret;
import io.ticketing.user.domain.model.Role;
import io.ticketing.user.domain.model.SessionPolicy;
import io.ticketing.user.domain.model.User;
import io.ticketing.user.domain.model.UserId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The refresh token adapter against real PostgreSQL: round trips, revocation and row locks. */
class RefreshTokenPersistenceIT extends IntegrationTestBase {

    /** PostgreSQL keeps microseconds. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private static final Duration TTL = Duration.ofDays(14);
    /** Far enough back that no other test's tokens expire before it. */
    private static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");

    private final SecureRandom random = new SecureRandom();

    @Autowired
    RefreshTokenRepository tokens;
    @Autowired
    UserRepository users;
    @Autowired
    TransactionTemplate transactions;

    private UserId user;

    @BeforeEach
    void storedUser() {
        User account = new User(new UserId(UUID.randomUUID()), EmailAddress.parse(UserApi.uniqueEmail("tokens")),
                "Token Holder", Set.of(Role.USER), "$2a$04$hash", NOW, NOW);
        transactions.executeWithoutResult(s -> users.add(account));
        user = account.id();
    }

    @Test
    void storesAndLoadsEveryFieldWithAndWithoutTheOptionalTimes() {
        RefreshToken fresh = newSession(NOW);
        RefreshToken used = new RefreshToken(fresh.id(), user, fresh.familyId(), fresh.tokenHash(), fresh.issuedAt(),
                fresh.expiresAt(), NOW.plusSeconds(1), NOW.plusSeconds(2));

        assertThat(tokens.findByHash(fresh.tokenHash())).contains(fresh);
        transactions.executeWithoutResult(s -> tokens.update(used));
        assertThat(tokens.findByHash(fresh.tokenHash())).contains(used);
        assertThat(tokens.findByHash(new RefreshTokenSecret("unknown").hash())).isEmpty();
    }

    @Test
    void aRotationMarksTheUsedTokenAndStoresItsSuccessorInTheFamily() {
        RefreshToken first = newSession(NOW);
        RefreshToken.Rotation rotation = first.rotate(UUID.randomUUID(), RefreshTokenSecret.generate(random),
                NOW.plusSeconds(60), new SessionPolicy(TTL, Duration.ofSeconds(30)));

        transactions.executeWithoutResult(s -> {
            RefreshToken locked = tokens.findByHashForUpdate(first.tokenHash()).orElseThrow();
            assertThat(locked).isEqualTo(first);
            tokens.update(rotation.used());
            tokens.add(rotation.successor());
        });

        assertThat(tokens.findByHash(first.tokenHash())).get()
                .extracting(RefreshToken::rotatedAt).isEqualTo(NOW.plusSeconds(60));
        assertThat(tokens.findByHash(rotation.successor().tokenHash())).contains(rotation.successor());
    }

    @Test
    void anUpdateOfATokenThatIsNotStoredFailsAndStoresNothing() {
        RefreshToken ghost = RefreshToken.startFamily(UUID.randomUUID(), user, UUID.randomUUID(),
                RefreshTokenSecret.generate(random), NOW, TTL);

        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> tokens.update(ghost)))
                .isInstanceOf(IncorrectUpdateSemanticsDataAccessException.class);
        assertThat(tokens.findByHash(ghost.tokenHash())).isEmpty();
    }

    @Test
    void revokingAFamilyRevokesItsLiveTokensOnlyAndKeepsEarlierRevocations() {
        RefreshToken revokedEarlier = newSession(NOW);
        transactions.executeWithoutResult(s -> tokens.update(new RefreshToken(revokedEarlier.id(), user,
                revokedEarlier.familyId(), revokedEarlier.tokenHash(), NOW, NOW.plus(TTL), null, NOW)));
        RefreshToken sibling = add(RefreshToken.startFamily(UUID.randomUUID(), user, revokedEarlier.familyId(),
                RefreshTokenSecret.generate(random), NOW, TTL));
        RefreshToken otherSession = newSession(NOW);

        transactions.executeWithoutResult(s -> tokens.revokeFamily(revokedEarlier.familyId(), NOW.plusSeconds(5)));

        assertThat(revokedAt(revokedEarlier)).isEqualTo(NOW);
        assertThat(revokedAt(sibling)).isEqualTo(NOW.plusSeconds(5));
        assertThat(revokedAt(otherSession)).isNull();
    }

    /** Two uses of one token serialize on its row; the purge skips the row rather than wait for it. */
    @Test
    void aTokenLockedForUpdateMakesASecondLockWaitAndThePurgeSkipIt() throws Exception {
        RefreshToken expired = newSession(LONG_AGO.minus(TTL).minus(Duration.ofDays(1)));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // own threads: the common pool may have a single one, which the holder would block
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> holder = threads.submit(() -> transactions.executeWithoutResult(s -> {
                tokens.findByHashForUpdate(expired.tokenHash()).orElseThrow();
                locked.countDown();
                waitFor(release);
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

            Future<RefreshToken> second = threads.submit(
                    () -> transactions.execute(s -> tokens.findByHashForUpdate(expired.tokenHash()).orElseThrow()));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !second.isDone());
            assertThat(tokens.findByHash(expired.tokenHash())).as("plain reads do not wait").contains(expired);
            assertThat(purge()).as("the locked row is skipped").isZero();

            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(expired);
        }
        assertThat(purge()).isOne();
        assertThat(tokens.findByHash(expired.tokenHash())).isEmpty();
    }

    private RefreshToken newSession(Instant issuedAt) {
        return add(RefreshToken.startFamily(UUID.randomUUID(), user, UUID.randomUUID(),
                RefreshTokenSecret.generate(random), issuedAt, TTL));
    }

    private RefreshToken add(RefreshToken token) {
        transactions.executeWithoutResult(s -> tokens.add(token));
        return token;
    }

    private @Nullable Instant revokedAt(RefreshToken token) {
        return tokens.findByHash(token.tokenHash()).orElseThrow().revokedAt();
    }

    private int purge() {
        Integer deleted = transactions.execute(s -> tokens.deleteSessionsExpiredBefore(LONG_AGO, 100));
        return deleted == null ? 0 : deleted;
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
