package io.ticketing.user.it;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import io.ticketing.user.application.port.in.PurgeRefreshTokensUseCase;
import io.ticketing.user.domain.model.RefreshTokenSecret;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purge of refresh tokens on real PostgreSQL. Sessions are started and used through the API; only their
 * expiry (and a used token's rotation, which cannot come after its expiry) is moved into the past, as if the
 * time had passed (the default grace is 7 days).
 */
class RefreshTokenPurgeIT extends IntegrationTestBase {

    private static final Duration GRACE = Duration.ofDays(7);

    @Autowired
    PurgeRefreshTokensUseCase purge;

    @Test
    void deletesSessionsExpiredLongerThanTheGraceAndKeepsTheRest() {
        String email = UserApi.uniqueEmail("purge");
        UUID user = api.registered(email, PASSWORD);
        Instant now = Instant.now();
        String longGone = api.login(email, PASSWORD).text("refreshToken");
        expire(longGone, now.minus(Duration.ofDays(40)));
        String loggedOut = api.login(email, PASSWORD).text("refreshToken");
        api.logout(user, Set.of("USER"), loggedOut);
        expire(loggedOut, now.minus(GRACE).minus(Duration.ofHours(1)));
        String withinGrace = api.login(email, PASSWORD).text("refreshToken");
        expire(withinGrace, now.minus(GRACE).plus(Duration.ofHours(1)));
        String current = api.login(email, PASSWORD).text("refreshToken");
        String loggedOutButUnexpired = api.login(email, PASSWORD).text("refreshToken");
        api.logout(user, Set.of("USER"), loggedOutButUnexpired);

        purgeEverythingDue();

        assertThat(stored(longGone)).as("expired 40 days ago").isFalse();
        assertThat(stored(loggedOut)).as("revoked, expired past the grace").isFalse();
        assertThat(stored(withinGrace)).as("expired within the grace").isTrue();
        assertThat(stored(current)).isTrue();
        assertThat(stored(loggedOutButUnexpired)).as("revoked but not yet expired").isTrue();
        assertThat(api.refresh(current).status()).as("a live session is untouched").isEqualTo(200);
    }

    @Test
    void aUsedTokenOfALiveSessionStaysSoItsReuseIsStillDetected() {
        String email = UserApi.uniqueEmail("purge-reuse");
        api.registered(email, PASSWORD);
        String stolen = api.login(email, PASSWORD).text("refreshToken");
        String successor = api.refresh(stolen).text("refreshToken");
        // the session has gone on for weeks: its first token expired long ago, its newest is still valid
        expire(stolen, Instant.now().minus(Duration.ofDays(30)));

        purgeEverythingDue();

        assertThat(stored(stolen)).isTrue();
        assertThat(api.refresh(stolen).status()).as("reuse of the used token").isEqualTo(401);
        assertThat(api.refresh(successor).status()).as("the reuse revoked the session").isEqualTo(401);
    }

    @Test
    void aSessionIsForgottenWholeOnceItsNewestTokenIsPastTheGrace() {
        String email = UserApi.uniqueEmail("purge-family");
        api.registered(email, PASSWORD);
        String first = api.login(email, PASSWORD).text("refreshToken");
        String second = api.refresh(first).text("refreshToken");
        String newest = api.refresh(second).text("refreshToken");
        Instant longAgo = Instant.now().minus(Duration.ofDays(60));
        for (String token : List.of(first, second, newest)) {
            expire(token, longAgo);
        }

        purgeEverythingDue();

        assertThat(List.of(first, second, newest)).noneMatch(this::stored);
    }

    @Test
    void purgesABacklogInBatchesOfTheGivenSize() {
        String email = UserApi.uniqueEmail("purge-batch");
        api.registered(email, PASSWORD);
        Instant longAgo = Instant.now().minus(Duration.ofDays(90));
        List<String> tokens = IntStream.range(0, 5)
                .mapToObj(i -> api.login(email, PASSWORD).text("refreshToken"))
                .toList();
        tokens.forEach(token -> expire(token, longAgo));

        assertThat(purge.purgeBatch(2)).isEqualTo(2);
        assertThat(purge.purgeBatch(2)).isEqualTo(2);
        purgeEverythingDue();

        assertThat(tokens).noneMatch(this::stored);
    }

    private void purgeEverythingDue() {
        while (purge.purgeBatch(100) > 0) {
            // until nothing is due
        }
    }

    private void expire(String refreshToken, Instant expiresAt) {
        int updated = jdbc.sql("""
                        UPDATE refresh_token SET expires_at = :at, rotated_at = LEAST(rotated_at, :at)
                        WHERE token_hash = :hash""")
                .param("at", Timestamp.from(expiresAt))
                .param("hash", new RefreshTokenSecret(refreshToken).hash())
                .update();
        assertThat(updated).isOne();
    }

    private boolean stored(String refreshToken) {
        return jdbc.sql("SELECT count(*) FROM refresh_token WHERE token_hash = :hash")
                .param("hash", new RefreshTokenSecret(refreshToken).hash())
                .query(Long.class).single() == 1;
    }
}
