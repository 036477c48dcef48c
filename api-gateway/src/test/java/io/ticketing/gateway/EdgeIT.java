package io.ticketing.gateway;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.ticketing.gateway.support.DroppingService;
import io.ticketing.gateway.support.GatewayITSupport;
import io.ticketing.gateway.support.GatewayTestInfrastructure;
import io.ticketing.gateway.support.TestTokens;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/** What the gateway answers by itself: unknown routes, outages, rate limits, tracing, docs and the web client. */
class EdgeIT extends GatewayITSupport {

    @Test
    void anUnknownRouteIs404Problem() {
        http.get().uri("/no/such/thing").accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:problem:ticketing:not-found")
                .jsonPath("$.title").isEqualTo("Not found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.instance").isEqualTo("/no/such/thing");
    }

    @Test
    void aWrongMethodOnAPathOnlyRoutedForPostIs405AllowingPost() {
        for (String path : List.of("/api/v1/auth/login", "/api/v1/auth/refresh")) {
            http.get().uri(path).accept(MediaType.APPLICATION_JSON)
                    .exchange()
                    .expectStatus().isEqualTo(405)
                    .expectHeader().value("Allow", allow -> assertThat(methods(allow)).containsExactly("POST"))
                    .expectHeader().contentType("application/problem+json")
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("urn:problem:ticketing:http-405")
                    .jsonPath("$.title").isEqualTo("Method Not Allowed")
                    .jsonPath("$.status").isEqualTo(405)
                    .jsonPath("$.instance").isEqualTo(path);
        }
    }

    @Test
    void aWrongMethodOnAPathOnlyRoutedForGetIs405AllowingGetAndHead() {
        String token = TestTokens.user(UUID.randomUUID());
        http.delete().uri("/api/v1/stations/{id}", UUID.randomUUID()).header("Authorization", bearer(token))
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().value("Allow", allow -> assertThat(methods(allow)).containsExactly("GET", "HEAD"))
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:problem:ticketing:http-405")
                .jsonPath("$.title").isEqualTo("Method Not Allowed");
        http.post().uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().value("Allow", allow -> assertThat(methods(allow)).containsExactly("GET", "HEAD"));
    }

    @Test
    void aWrongMethodOnAPathServedByRoutesAndCommandsAllowsBoth() {
        String token = TestTokens.user(UUID.randomUUID());
        http.put().uri("/api/v1/tickets/{id}", UUID.randomUUID()).header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader()
                .value("Allow", allow -> assertThat(methods(allow)).containsExactly("GET", "HEAD", "DELETE"))
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:ticketing:http-405");
        http.delete().uri("/api/v1/cities").header("Authorization", bearer(token))
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader()
                .value("Allow", allow -> assertThat(methods(allow)).containsExactly("GET", "HEAD", "POST"));
    }

    @Test
    void aPathServedForNoMethodStays404WhateverTheMethod() {
        http.delete().uri("/no/such/thing")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().doesNotExist("Allow")
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:ticketing:not-found");
        http.post().uri("/api/v1/users").header("Authorization", bearer(TestTokens.user(UUID.randomUUID())))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().doesNotExist("Allow");
    }

    @Test
    void aMethodTheFirewallRefusesIs405AndABadUrlIs400BothAsProblems() {
        http.method(HttpMethod.TRACE).uri("/api/v1/cities")
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:ticketing:http-405");
        http.get().uri("/api/v1/cities;jsessionid=x")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:ticketing:invalid-input");
    }

    @Test
    void aPlainOptionsNeedsNoTokenAndAllowsTheMethodsServedAtThePath() {
        Map<String, List<String>> allowed = Map.of(
                "/api/v1/cities", List.of("GET", "HEAD", "POST", "OPTIONS"),
                "/api/v1/tickets/" + UUID.randomUUID(), List.of("GET", "HEAD", "DELETE", "OPTIONS"),
                "/api/v1/auth/login", List.of("POST", "OPTIONS"),
                "/api/v1/notifications/stream", List.of("GET", "OPTIONS"),
                "/v3/api-docs", List.of("GET", "HEAD", "OPTIONS"),
                "/", List.of("GET", "HEAD", "OPTIONS"));
        allowed.forEach((path, methods) -> http.options().uri(path)
                .exchange()
                .expectStatus().isNoContent()
                .expectHeader().value("Allow", allow -> assertThat(methods(allow)).as(path)
                        .containsExactlyElementsOf(methods))
                .expectBody().isEmpty());
    }

    @Test
    void aPlainOptionsDoesNotTellStrangersWhichActuatorEndpointsExist() {
        for (String path : List.of("/actuator/prometheus", "/actuator/env")) {
            http.options().uri(path)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().doesNotExist("Allow")
                    .expectHeader().contentType("application/problem+json");
        }
    }

    @Test
    void aPlainOptionsOnAnUnknownPathIsThe404ProblemAsForGet() {
        for (String path : List.of("/no/such/thing", "/api/v1/no-such-thing")) {
            http.options().uri(path)
                    .exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().doesNotExist("Allow")
                    .expectHeader().contentType("application/problem+json")
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("urn:problem:ticketing:not-found")
                    .jsonPath("$.title").isEqualTo("Not found")
                    .jsonPath("$.instance").isEqualTo(path);
        }
    }

    @Test
    void headOnAPublicCatalogReadAnswersAsGetWithoutABody() {
        http.head().uri("/api/v1/cities?page=0&size=20")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().isEmpty();
    }

    @Test
    void headOnTheWebClientAndTheApiDocsAnswersAsGetWithoutABody() {
        http.head().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody().isEmpty();
        http.head().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().isEmpty();
        long specLength = http.get().uri("/v3/api-docs/ticket").exchange()
                .expectBody().returnResult().getResponseHeaders().getContentLength();
        assertThat(specLength).isPositive();
        http.head().uri("/v3/api-docs/ticket").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().contentLength(specLength)
                .expectBody().isEmpty();
    }

    @Test
    void theNotificationStreamIsNotServedForHead() {
        http.head().uri("/api/v1/notifications/stream")
                .header("Authorization", bearer(TestTokens.user(UUID.randomUUID())))
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().value("Allow", allow -> assertThat(methods(allow)).containsExactly("GET"));
    }

    @Test
    void aProxiedAnswerCarriesTheCorrelationIdOnce() {
        http.get().uri("/api/v1/cities").header("X-Correlation-Id", "it-once")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().values("X-Correlation-Id", values -> assertThat(values).containsExactly("it-once"));
    }

    @Test
    void aServiceThatIsDownIs503WithRetryAfter() {
        http.get().uri("/api/v1/users/me").header("Authorization", bearer(TestTokens.user(UUID.randomUUID())))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:ticketing:unavailable");

        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"a@b.c\",\"password\":\"x\"}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After");
    }

    @Test
    void aLoginLostOnTheConnectionIsSentAgainButARefreshIsNot() {
        DroppingService userService = DroppingService.get();
        int logins = userService.droppedRequestsFor("/api/v1/auth/login");
        int refreshes = userService.droppedRequestsFor("/api/v1/auth/refresh");

        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"lost@example.com\",\"password\":\"secret-password\"}")
                .exchange()
                .expectStatus().isEqualTo(503);
        http.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"refreshToken\":\"single-use\"}")
                .exchange()
                .expectStatus().isEqualTo(503);

        // a login is safe to send twice, so a replica killed mid-request costs the client nothing: two more attempts
        assertThat(userService.droppedRequestsFor("/api/v1/auth/login") - logins).isEqualTo(3);
        // a refresh token is single-use: the lost attempt may have spent it, so it is not sent again
        assertThat(userService.droppedRequestsFor("/api/v1/auth/refresh") - refreshes).isEqualTo(1);
    }

    @Test
    void correlationIdAndTraceparentAreForwardedOrCreatedAndReturned() {
        http.get().uri("/no/such/thing").header("X-Correlation-Id", "it-corr-42")
                .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .exchange()
                .expectHeader().valueEquals("X-Correlation-Id", "it-corr-42")
                .expectHeader().value("traceparent", tp -> assertThat(tp)
                        .matches("00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01"));

        http.get().uri("/no/such/thing").header("X-Correlation-Id", "bad id with spaces")
                .exchange()
                .expectHeader().value("X-Correlation-Id", id -> assertThat(UUID.fromString(id)).isNotNull())
                .expectHeader().value("traceparent", tp -> assertThat(tp).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
    }

    @Test
    void aBurstOverTheLimitGets429WithRetryAfter() {
        String token = TestTokens.user(UUID.randomUUID());
        List<EntityExchangeResult<byte[]>> results = Flux.range(0, GatewayTestInfrastructure.RATE_LIMIT_CAPACITY * 2)
                .flatMap(i -> Flux.defer(() -> Flux.just(http.get().uri("/api/v1/tickets/{id}", UUID.randomUUID())
                        .header("Authorization", bearer(token))
                        .exchange().expectBody().returnResult())), 16)
                .collectList().block();

        List<EntityExchangeResult<byte[]>> limited = results.stream()
                .filter(r -> r.getStatus().value() == 429).toList();
        assertThat(limited).isNotEmpty();
        assertThat(limited).allSatisfy(r -> {
            assertThat(r.getResponseHeaders().getFirst("Retry-After")).matches("[1-9][0-9]*");
            assertThat(r.getResponseHeaders().getContentType()).hasToString("application/problem+json");
        });
    }

    @Test
    void anEscapedLetterInThePathDoesNotWalkAroundTheLimit() {
        String token = TestTokens.user(UUID.randomUUID());
        List<Integer> statuses = Flux.range(0, GatewayTestInfrastructure.RATE_LIMIT_CAPACITY * 2)
                .flatMap(i -> Flux.defer(() -> Flux.just(http.get()
                        .uri(URI.create("http://127.0.0.1:" + port + "/%61pi/v1/tickets/" + UUID.randomUUID()))
                        .header("Authorization", bearer(token))
                        .exchange().expectBody().returnResult().getStatus().value())), 16)
                .collectList().block();

        assertThat(statuses).as("routed as /api/v1/tickets/{id}").contains(404).doesNotContain(401, 403);
        assertThat(statuses).as("and counted as such").contains(429);
    }

    @Test
    void requestsBelowTheLimitAllPass() {
        String token = TestTokens.user(UUID.randomUUID());
        for (int i = 0; i < GatewayTestInfrastructure.RATE_LIMIT_CAPACITY; i++) {
            http.get().uri("/api/v1/tickets/{id}", UUID.randomUUID())
                    .header("Authorization", bearer(token))
                    .exchange()
                    .expectStatus().isNotFound();
        }
    }

    @Test
    void swaggerUiListsTheGatewaysCommandsWithTheProblemShape() {
        http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
        for (String spec : List.of("/v3/api-docs/gateway", "/v3/api-docs")) {
            http.get().uri(spec).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.paths['/api/v1/tickets'].post.parameters[?(@.name=='Idempotency-Key')]").exists()
                    .jsonPath("$.paths['/api/v1/cities'].post.requestBody").exists()
                    .jsonPath("$.paths['/api/v1/cities'].post.responses['400']"
                            + ".content['application/problem+json']").exists()
                    .jsonPath("$.paths['/api/v1/cities'].post.responses['503']").exists()
                    .jsonPath("$.components.schemas.Problem.properties.errors").exists()
                    .jsonPath("$.components.schemas.CreateCityRequest").exists()
                    .jsonPath("$.components.securitySchemes.bearer").exists()
                    .jsonPath("$.servers[0].url").isEqualTo("/");
        }
    }

    @Test
    void swaggerUiListsTheMergedSpecFirstThenTheGatewaysAndEachServices() {
        http.get().uri("/v3/api-docs/gateway/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[0].url").isEqualTo("/v3/api-docs")
                .jsonPath("$.urls[*].url").value(urls -> assertThat(urls).asInstanceOf(InstanceOfAssertFactories.LIST)
                        .containsExactlyInAnyOrder("/v3/api-docs", "/v3/api-docs/gateway", "/v3/api-docs/user",
                                "/v3/api-docs/train", "/v3/api-docs/ticket", "/v3/api-docs/notification"));
    }

    @Test
    void theApiDocsMergeTheGatewaysSpecWithTheSpecOfEveryServiceThatAnswers() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                // the gateway's command and a service's read on the same path
                .jsonPath("$.paths['/api/v1/tickets/{id}'].delete").exists()
                .jsonPath("$.paths['/api/v1/tickets/{id}'].get.responses['200'].content['application/json']"
                        + ".schema['$ref']").isEqualTo("#/components/schemas/TicketView")
                .jsonPath("$.components.schemas.TicketView").exists()
                // a path only a service serves
                .jsonPath("$.paths['/api/v1/cities/{id}'].get").exists()
                .jsonPath("$.info.title").isEqualTo("ticketing API")
                // user-service's one replica drops every request
                .jsonPath("$.info.description").value(String.class, description -> assertThat(description)
                        .endsWith("Not included, as they could not be fetched: user."));
    }

    @Test
    void eachServicesSpecIsServedThroughTheGateway() {
        http.get().uri("/v3/api-docs/ticket").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("ticket-service")
                .jsonPath("$.servers[0].url").isEqualTo("/");
    }

    @Test
    void theRootIsTheWebClientsPageForAnyAccept() {
        http.get().uri("/").accept(MediaType.ALL).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(body -> assertThat(body).contains("<div id=root>"));
    }

    @Test
    void servesTheWebClientWithFallbackToIndexForClientRoutes() {
        http.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(body -> assertThat(body).contains("<div id=root>"));
        http.get().uri("/trips/42/seats").accept(MediaType.TEXT_HTML, MediaType.ALL).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("<div id=root>"));
        http.get().uri("/assets/app.js").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Cache-Control", cc -> assertThat(cc).contains("immutable"))
                .expectBody(String.class).value(body -> assertThat(body).contains("ticketing"));
        http.get().uri("/assets/missing.js").accept(MediaType.ALL).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json");
        http.get().uri("/../../etc/passwd").accept(MediaType.ALL).exchange()
                .expectStatus().is4xxClientError()
                .expectBody(String.class).value(body -> assertThat(body == null ? "" : body).doesNotContain("root:"));
    }

    private static List<String> methods(String allow) {
        return Arrays.stream(allow.split(",")).map(String::trim).toList();
    }
}
