package io.ticketing.user.it;

import java.time.Duration;
import java.util.List;

import io.nats.client.Message;
import io.ticketing.proto.commands.v1.CommandReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The password goes through every path that handles it (sign-up, failed and successful login, refresh,
 * profile) with DEBUG logging on, and shows up in no log line, event, reply, response or column. Issued
 * tokens stay out of the logs as well.
 */
@ExtendWith(OutputCaptureExtension.class)
class PasswordSecrecyIT extends IntegrationTestBase {

    private static final String SECRET = "Zebra-Quartz-Plover-9131";

    @Test
    void thePasswordNeverLeaves(CapturedOutput output) throws Exception {
        String email = UserApi.uniqueEmail("secret");

        CommandReply registered = api.register(email, SECRET, "Secret Keeper");
        CommandReply refused = api.register("bad", SECRET, "Secret Keeper");
        UserApi.Response failed = api.login(email, SECRET + "x");
        UserApi.Response login = api.login(email, SECRET);
        UserApi.Response refreshed = api.refresh(login.text("refreshToken"));
        UserApi.Response me = api.get("/api/v1/users/me", refreshed.text("accessToken"));

        assertThat(registered.hasSucceeded()).isTrue();
        assertThat(login.status()).isEqualTo(200);
        assertThat(me.status()).isEqualTo(200);
        for (String text : List.of(registered.toString(), registered.getSucceeded().getBody().toStringUtf8(),
                refused.toString(), failed.raw().body(), login.raw().body(), refreshed.raw().body(),
                me.raw().body())) {
            assertThat(text).doesNotContain(SECRET);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> !api.registeredEvents(email).isEmpty());
        for (Message event : api.registeredEvents(email)) {
            assertThat(new String(event.getData(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain(SECRET);
            assertThat(event.getHeaders().toString()).doesNotContain(SECRET);
        }
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE email = ?").param(email).query(String.class)
                .single();
        assertThat(hash).startsWith("$2a$").doesNotContain(SECRET);

        assertThat(output.getAll()).isNotEmpty().doesNotContain(SECRET);
        String[] accessToken = login.text("accessToken").split("\\.");
        assertThat(output.getAll()).as("no token either").doesNotContain(login.text("refreshToken"))
                .doesNotContain(accessToken[1]).doesNotContain(accessToken[2]);
    }
}
