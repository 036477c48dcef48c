package io.ticketing.user.it;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.ticketing.proto.commands.v1.CommandReply;
import io.ticketing.user.application.port.in.BootstrapAdminUseCase;
import io.ticketing.user.application.port.in.RegisterUserCommand;
import io.ticketing.user.domain.model.RefreshTokenSecret;
import io.ticketing.user.domain.model.SessionPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class LoginIT extends IntegrationTestBase {

    @Autowired
    BootstrapAdminUseCase bootstrap;
    @Autowired
    SessionPolicy sessionPolicy;

    @Test
    void loginWithTheRightPasswordStartsASession() {
        String email = UserApi.uniqueEmail("login");
        UUID id = api.registered(email, PASSWORD);

        UserApi.Response login = api.login(" " + email.toUpperCase(), PASSWORD);

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("tokenType")).isEqualTo("Bearer");
        assertThat(login.body().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(login.text("refreshToken")).hasSize(43);
        assertThat(login.header("Cache-Control")).contains("no-store");
        UserApi.Response me = api.get("/api/v1/users/me", login.text("accessToken"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("id")).isEqualTo(id.toString());
        assertThat(me.text("email")).isEqualTo(email);
        assertThat(me.body().propertyNames()).containsExactlyInAnyOrder("id", "email", "fullName", "roles");
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        String email = UserApi.uniqueEmail("wrong");
        api.registered(email, PASSWORD);

        UserApi.Response wrongPassword = api.login(email, "not the password");
        UserApi.Response unknownEmail = api.login(UserApi.uniqueEmail("nobody"), PASSWORD);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.header("Content-Type")).startsWith("application/problem+json");
        for (String field : new String[] {"type", "title", "detail", "status"}) {
            assertThat(unknownEmail.body().path(field)).isEqualTo(wrongPassword.body().path(field));
        }
    }

    @Test
    void fiveFailuresWithinAMinuteLockTheEmailWithRetryAfter() {
        String email = UserApi.uniqueEmail("locked");
        api.registered(email, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(api.login(email, "wrong password " + i).status()).isEqualTo(401);
        }

        UserApi.Response locked = api.login(email, PASSWORD);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 60);
        assertThat(api.login(UserApi.uniqueEmail("other"), PASSWORD).status())
                .as("another address is not affected").isEqualTo(401);
    }

    @Test
    void parallelGuessesGetNoMoreTriesThanSequentialOnes() throws Exception {
        String email = UserApi.uniqueEmail("parallel");
        api.registered(email, PASSWORD);
        List<Callable<Integer>> guesses = IntStream.range(0, 12)
                .<Callable<Integer>>mapToObj(i -> () -> api.login(email, "wrong password " + i).status())
                .toList();

        List<Integer> statuses;
        try (ExecutorService pool = Executors.newFixedThreadPool(guesses.size())) {
            statuses = pool.invokeAll(guesses).stream().map(LoginIT::result).toList();
        }

        assertThat(statuses).filteredOn(status -> status == 401).as("passwords checked").hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(7);
        assertThat(api.login(email, PASSWORD).status()).as("the right password is locked out too").isEqualTo(429);
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unknownEmailsAreThrottledLikeKnownOnes() {
        String email = UserApi.uniqueEmail("ghost");
        for (int i = 0; i < 5; i++) {
            api.login(email, PASSWORD);
        }

        assertThat(api.login(email, PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void blankCredentialsAreABadRequest() {
        UserApi.Response response = api.post("/api/v1/auth/login", java.util.Map.of("email", " "));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").size()).isEqualTo(2);
    }

    @Test
    void refreshRotatesAndAReusedTokenRevokesTheWholeSession() {
        String email = UserApi.uniqueEmail("refresh");
        api.registered(email, PASSWORD);
        String first = api.login(email, PASSWORD).text("refreshToken");

        UserApi.Response rotated = api.refresh(first);
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.text("refreshToken");
        assertThat(second).isNotEqualTo(first);
        assertThat(api.get("/api/v1/users/me", rotated.text("accessToken")).status()).isEqualTo(200);

        rotationAgedPastTheReuseGrace(first);
        UserApi.Response reuse = api.refresh(first);
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(api.refresh(second).status()).as("the family is revoked").isEqualTo(401);
    }

    @Test
    void aRotatedTokenPresentedAgainWithinTheGraceIsRefusedButTheSessionGoesOn() {
        String email = UserApi.uniqueEmail("grace");
        api.registered(email, PASSWORD);
        String first = api.login(email, PASSWORD).text("refreshToken");
        String second = api.refresh(first).text("refreshToken");

        UserApi.Response again = api.refresh(first); // a duplicated tab, or a retry after a lost answer

        assertThat(again.status()).isEqualTo(401);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.body().path("type")).isEqualTo(api.refresh("made-up").body().path("type"));
        UserApi.Response next = api.refresh(second);
        assertThat(next.status()).as("the newer token keeps the session").isEqualTo(200);
        assertThat(api.refresh(next.text("refreshToken")).status()).isEqualTo(200);
    }

    @Test
    void concurrentUsesOfOneFreshTokenRotateItOnceAndTheSessionGoesOn() throws Exception {
        String email = UserApi.uniqueEmail("concurrent-refresh");
        api.registered(email, PASSWORD);
        String token = api.login(email, PASSWORD).text("refreshToken");
        CountDownLatch start = new CountDownLatch(1);
        Callable<UserApi.Response> use = () -> {
            start.await();
            return api.refresh(token);
        };

        List<UserApi.Response> answers;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<UserApi.Response>> uses = List.of(pool.submit(use), pool.submit(use));
            start.countDown();
            answers = uses.stream().map(LoginIT::result).toList();
        }

        assertThat(answers).extracting(UserApi.Response::status).containsExactlyInAnyOrder(200, 401);
        assertThat(tokensInSessionOf(token)).as("one successor: the row lock serialized the uses").isEqualTo(2);
        String successor = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow()
                .text("refreshToken");
        assertThat(api.refresh(successor).status()).as("the session survives").isEqualTo(200);
    }

    @Test
    void aSecondLoginIsAnIndependentSession() {
        String email = UserApi.uniqueEmail("two-sessions");
        api.registered(email, PASSWORD);
        String laptop = api.login(email, PASSWORD).text("refreshToken");
        String phone = api.login(email, PASSWORD).text("refreshToken");
        String laptopNext = api.refresh(laptop).text("refreshToken");
        rotationAgedPastTheReuseGrace(laptop);

        api.refresh(laptop); // replay: kills the laptop session only

        assertThat(api.refresh(laptopNext).status()).isEqualTo(401);
        assertThat(api.refresh(phone).status()).isEqualTo(200);
    }

    @Test
    void aLogoutRacingARefreshOfTheSameSessionLeavesNoTokenAlive() throws Exception {
        for (int round = 0; round < 20; round++) {
            String email = UserApi.uniqueEmail("logout-race");
            UUID id = api.registered(email, PASSWORD);
            String token = api.login(email, PASSWORD).text("refreshToken");
            CountDownLatch start = new CountDownLatch(1);
            Callable<UserApi.Response> refresh = () -> {
                start.await();
                return api.refresh(token);
            };
            Callable<CommandReply> logout = () -> {
                start.await();
                return api.logout(id, Set.of("USER"), token);
            };

            UserApi.Response refreshed;
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                Future<UserApi.Response> refreshing = pool.submit(refresh);
                Future<CommandReply> loggingOut = pool.submit(logout);
                start.countDown();
                refreshed = result(refreshing);
                assertThat(result(loggingOut).hasSucceeded()).isTrue();
            }

            if (refreshed.status() == 200) {
                assertThat(api.refresh(refreshed.text("refreshToken")).status())
                        .as("round %d: the token minted beside the logout is revoked too", round).isEqualTo(401);
            } else {
                assertThat(refreshed.status()).isEqualTo(401);
            }
        }
    }

    @Test
    void unknownRefreshTokensAreRefused() {
        assertThat(api.refresh("made-up").status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", java.util.Map.of()).status()).isEqualTo(400);
    }

    @Test
    void logoutOverNatsRevokesTheCallersSessionOnly() {
        String email = UserApi.uniqueEmail("logout");
        UUID id = api.registered(email, PASSWORD);
        String token = api.login(email, PASSWORD).text("refreshToken");
        UUID stranger = api.registered(UserApi.uniqueEmail("stranger"), PASSWORD);

        CommandReply foreign = api.logout(stranger, Set.of("USER"), token);
        assertThat(foreign.hasSucceeded()).isTrue();
        String stillValid = api.refresh(token).text("refreshToken");
        assertThat(stillValid).isNotBlank();

        CommandReply own = api.logout(id, Set.of("USER"), stillValid);
        assertThat(own.hasSucceeded()).isTrue();
        assertThat(own.getSucceeded().getBody().toStringUtf8()).isEqualTo("{}");
        assertThat(api.refresh(stillValid).status()).isEqualTo(401);
    }

    @Test
    void logoutNeedsAnAuthenticatedCaller() {
        assertThat(api.logout(null, Set.of(), "whatever").getProblem().getStatus()).isEqualTo(401);
    }

    @Test
    void theConfiguredAdministratorExistsWithBothRolesAndBootstrapIsIdempotent() {
        bootstrap.ensureAdmin(RegisterUserCommand.of("root@ticketing.test", "admin-password-for-tests", "Admin"));

        UserApi.Response login = api.login("root@ticketing.test", "admin-password-for-tests");
        assertThat(login.status()).isEqualTo(200);
        UserApi.Response me = api.get("/api/v1/users/me", login.text("accessToken"));
        assertThat(me.body().path("roles").toString()).isEqualTo("[\"USER\",\"ADMIN\"]");
        assertThat(usersWithEmail("root@ticketing.test")).isOne();
    }

    @Test
    void bootstrapDoesNotPromoteAnAccountThatSquatsTheAdminEmailWithAnotherPassword() {
        String email = UserApi.uniqueEmail("squatter");
        api.registered(email, "squatters own password");

        bootstrap.ensureAdmin(RegisterUserCommand.of(email, "the real admin password", "Admin"));

        String token = api.login(email, "squatters own password").text("accessToken");
        assertThat(api.get("/api/v1/users/me", token).body().path("roles").toString()).isEqualTo("[\"USER\"]");
    }

    /**
     * Moves the rotation of {@code refreshToken} back past the reuse grace: what waiting out the window would do,
     * without making the test wait for it. The grace is the service's own setting (30 s by default).
     */
    private void rotationAgedPastTheReuseGrace(String refreshToken) {
        int aged = jdbc.sql("""
                        UPDATE refresh_token SET rotated_at = rotated_at - make_interval(secs => :seconds)
                        WHERE token_hash = :hash AND rotated_at IS NOT NULL""")
                .param("seconds", (double) sessionPolicy.refreshReuseGrace().plusSeconds(1).toSeconds())
                .param("hash", new RefreshTokenSecret(refreshToken).hash())
                .update();
        assertThat(aged).as("the token was rotated").isOne();
    }

    private long tokensInSessionOf(String refreshToken) {
        return jdbc.sql("""
                        SELECT count(*) FROM refresh_token WHERE family_id =
                            (SELECT family_id FROM refresh_token WHERE token_hash = :hash)""")
                .param("hash", new RefreshTokenSecret(refreshToken).hash())
                .query(Long.class).single();
    }
}
