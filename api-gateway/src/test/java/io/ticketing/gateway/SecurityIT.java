package io.ticketing.gateway;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.nats.client.Message;
import io.ticketing.gateway.support.GatewayITSupport;
import io.ticketing.gateway.support.Responder;
import io.ticketing.gateway.support.StubServices;
import io.ticketing.gateway.support.TestTokens;
import io.ticketing.platform.command.Replies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Tokens are verified against the JWKS served by the stub user-service; nothing else speaks for the caller. */
class SecurityIT extends GatewayITSupport {

    private static final UUID SOMEONE = UUID.randomUUID();

    static List<String> invalidTokens() {
        return List.of(
                "not-a-jwt",
                TestTokens.expired(SOMEONE),
                TestTokens.tampered(SOMEONE),
                TestTokens.unsigned(SOMEONE),
                TestTokens.hmacSigned(SOMEONE),
                TestTokens.with(SOMEONE, c -> c.issuer("someone-else")),
                TestTokens.with(SOMEONE, c -> c.audience("another-api")),
                TestTokens.sign(TestTokens.claims(SOMEONE, List.of("USER")).build(), unpublishedKey()));
    }

    private static com.nimbusds.jose.jwk.RSAKey unpublishedKey() {
        try {
            return new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("never-published").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMissingTokenIs401Problem() {
        http.get().uri("/api/v1/tickets")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.type").isEqualTo("urn:problem:ticketing:unauthorized")
                .jsonPath("$.instance").isEqualTo("/api/v1/tickets");
    }

    @Test
    void headOnAProtectedReadNeedsATokenAsGetDoes() {
        http.head().uri("/api/v1/tickets/{id}", UUID.randomUUID())
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().contentType("application/problem+json")
                .expectBody().isEmpty();
        http.head().uri("/api/v1/tickets/{id}", UUID.randomUUID())
                .header("Authorization", bearer(TestTokens.user(UUID.randomUUID())))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json")
                .expectBody().isEmpty();
    }

    @ParameterizedTest
    @MethodSource("invalidTokens")
    void malformedExpiredTamperedUnsignedAndForeignTokensAre401(String token) {
        http.post().uri("/api/v1/notifications/{id}/read", UUID.randomUUID())
                .header("Authorization", bearer(token))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.detail").isEqualTo("The bearer token is invalid or expired");
    }

    @Test
    void aUserOnAnAdminRouteIs403Problem() {
        http.post().uri("/api/v1/cities").header("Authorization", bearer(TestTokens.user(UUID.randomUUID())))
                .header("roles", "ADMIN")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Lyon", "country", "France"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:ticketing:forbidden");

        http.delete().uri("/api/v1/trips/{id}", UUID.randomUUID())
                .header("Authorization", bearer(TestTokens.user(UUID.randomUUID())))
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void clientSentIdentityHeadersHaveNoEffectOnCommands() throws Exception {
        UUID me = UUID.randomUUID();
        try (Responder responder = Responder.answering(msg -> Replies.success("", "{}".getBytes()))) {
            http.post().uri("/api/v1/notifications/{id}/read", UUID.randomUUID())
                    .header("Authorization", bearer(TestTokens.user(me)))
                    .header("user-id", UUID.randomUUID().toString())
                    .header("roles", "ADMIN")
                    .header("X-User-Id", UUID.randomUUID().toString())
                    .exchange()
                    .expectStatus().isNoContent();
            Message command = responder.next();
            assertThat(command.getHeaders().getFirst("user-id")).isEqualTo(me.toString());
            assertThat(command.getHeaders().getFirst("roles")).isEqualTo("USER");
        }
    }

    @Test
    void clientSentIdentityHeadersNeverReachTheServices() {
        http.get().uri("/api/v1/tickets/{id}", UUID.randomUUID())
                .header("Authorization", bearer(TestTokens.user(UUID.randomUUID())))
                .header("user-id", UUID.randomUUID().toString())
                .header("roles", "ADMIN")
                .header("X-User-Roles", "ADMIN")
                .header("X-Correlation-Id", "it-strip")
                .exchange()
                .expectStatus().isNotFound();
        StubServices.Received received = StubServices.get().lastRequest.get("ticket");
        assertThat(received.headers().containsKey("User-id")).isFalse();
        assertThat(received.headers().containsKey("Roles")).isFalse();
        assertThat(received.headers().containsKey("X-user-roles")).isFalse();
        assertThat(received.headers().getFirst("X-Correlation-Id")).isEqualTo("it-strip");
        assertThat(received.headers().getFirst("Traceparent")).startsWith("00-");
    }

    @Test
    void aNewSigningKeyIsFetchedWhenATokenNamesAnUnknownKid() {
        TestTokens.publish(TestTokens.NEXT_KEY);
        String token = TestTokens.sign(TestTokens.claims(UUID.randomUUID(), List.of("USER"))
                .issueTime(new Date()).build(), TestTokens.NEXT_KEY);
        // the keys are fetched again for an unknown key id at most once a second (RefreshingJwkSource)
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> http.get()
                .uri("/api/v1/tickets/{id}", UUID.randomUUID())
                .header("Authorization", bearer(token))
                .exchange()
                .expectStatus().isNotFound());
    }

    @Test
    void theNotificationStreamTakesTheTokenFromTheQueryAndForwardsItAsAHeader() {
        String token = TestTokens.user(UUID.randomUUID());
        http.get().uri("/api/v1/notifications/stream?access_token={t}", token)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("data:"));
        StubServices.Received received = StubServices.get().lastRequest.get("stream");
        assertThat(received.headers().getFirst("Authorization")).isEqualTo(bearer(token));
        assertThat(received.query()).isNull();

        http.get().uri("/api/v1/notifications/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void responsesCarrySecurityHeaders() {
        http.get().uri("/")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'").contains("frame-ancestors 'none'"));
    }

    @Test
    void corsIsAllowedForTheWebDevServerOnly() {
        http.options().uri("/api/v1/tickets")
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:5173")
                // answered by the CORS filter, not as a plain OPTIONS
                .expectHeader().doesNotExist("Allow");

        http.options().uri("/api/v1/tickets")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin")
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.status").isEqualTo(403);

        http.get().uri("/api/v1/cities").header("Origin", "https://evil.example")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin")
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:ticketing:forbidden");

        http.get().uri("/api/v1/cities").header("Origin", "http://localhost:5173")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:5173");
    }
}
