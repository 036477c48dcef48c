package io.ticketing.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.nats.client.Message;
import io.ticketing.gateway.support.GatewayITSupport;
import io.ticketing.gateway.support.Responder;
import io.ticketing.gateway.support.TestTokens;
import io.ticketing.platform.command.Replies;
import io.ticketing.platform.error.DomainProblem;
import io.ticketing.proto.commands.v1.CancelTrip;
import io.ticketing.proto.commands.v1.CreateCity;
import io.ticketing.proto.commands.v1.CreateTrain;
import io.ticketing.proto.commands.v1.LogoutUser;
import io.ticketing.proto.commands.v1.MarkNotificationRead;
import io.ticketing.proto.commands.v1.PostReview;
import io.ticketing.proto.commands.v1.RegisterUser;
import io.ticketing.proto.commands.v1.ScheduleTrip;
import io.ticketing.proto.common.v1.SeatClass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Each command endpoint against a real NATS server, with a test responder in place of the services. */
class CommandEndpointsIT extends GatewayITSupport {

    private static final String PROBLEM_JSON = "application/problem+json";
    private final UUID adminId = UUID.randomUUID();
    private final String admin = TestTokens.admin(adminId);
    private final UUID userId = UUID.randomUUID();
    private final String user = TestTokens.user(userId);
    private Responder responder;

    @AfterEach
    void stopResponder() throws InterruptedException {
        if (responder != null) {
            responder.close();
        }
    }

    private Responder succeeding(String resourceId, String json) {
        responder = Responder.answering(msg -> Replies.success(resourceId, json.getBytes(StandardCharsets.UTF_8)));
        return responder;
    }

    @Test
    void createsCityWithTheCallersIdentityAndTraceAndAnswers201WithLocation() throws Exception {
        String cityId = UUID.randomUUID().toString();
        String city = "{\"id\":\"" + cityId + "\",\"name\":\"Lyon\",\"country\":\"France\"}";
        succeeding(cityId, city);
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        http.post().uri("/api/v1/cities")
                .header("Authorization", bearer(admin))
                .header("X-Correlation-Id", "it-create-city")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Lyon", "country", "France"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/v1/cities/" + cityId)
                .expectHeader().valueEquals("X-Correlation-Id", "it-create-city")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().json(city);

        Message command = responder.next();
        assertThat(command.getSubject()).isEqualTo("requests.train.CreateCity");
        CreateCity body = CreateCity.parseFrom(command.getData());
        assertThat(body.getName()).isEqualTo("Lyon");
        assertThat(body.getCountry()).isEqualTo("France");
        assertThat(command.getHeaders().getFirst("user-id")).isEqualTo(adminId.toString());
        assertThat(command.getHeaders().getFirst("roles").split(",")).containsExactlyInAnyOrder("USER", "ADMIN");
        assertThat(command.getHeaders().getFirst("correlation-id")).isEqualTo("it-create-city");
        assertThat(command.getHeaders().getFirst("traceparent")).startsWith("00-" + traceId + "-")
                .isNotEqualTo("00-" + traceId + "-00f067aa0ba902b7-01");
        assertThat(command.getHeaders().getFirst("content-type")).isEqualTo("application/x-protobuf");
        assertThat(command.getHeaders().getFirst("Nats-Msg-Id")).isNotBlank();
    }

    @Test
    void registersAnonymouslyAndMapsAValidationProblemTo400() throws Exception {
        responder = Responder.answering(msg -> Replies.problem(DomainProblem.invalid("password", "is too common")));

        http.post().uri("/api/v1/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "ann@example.com", "password", "0123456789", "fullName", "Ann"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.type").isEqualTo("urn:problem:ticketing:invalid-input")
                .jsonPath("$.instance").isEqualTo("/api/v1/auth/register")
                .jsonPath("$.errors[0].field").isEqualTo("password")
                .jsonPath("$.errors[0].message").isEqualTo("is too common");

        Message command = responder.next();
        assertThat(command.getSubject()).isEqualTo("requests.user.RegisterUser");
        assertThat(RegisterUser.parseFrom(command.getData()).getEmail()).isEqualTo("ann@example.com");
        assertThat(command.getHeaders().getFirst("user-id")).isNull();
        assertThat(command.getHeaders().getFirst("roles")).isNull();
    }

    @Test
    void registerSucceedsWith201AndMapsAConflictTo409() throws Exception {
        String account = "{\"id\":\"" + UUID.randomUUID() + "\",\"email\":\"bo@example.com\"}";
        succeeding("x", account);
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "bo@example.com", "password", "0123456789", "fullName", "Bo"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody().json(account);

        responder.reply(msg -> Replies.problem(DomainProblem.conflict("EMAIL_TAKEN", "The e-mail is taken")));
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "bo@example.com", "password", "0123456789", "fullName", "Bo"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:problem:ticketing:email-taken")
                .jsonPath("$.code").isEqualTo("EMAIL_TAKEN")
                .jsonPath("$.detail").isEqualTo("The e-mail is taken");
    }

    @Test
    void cancelsTripWith200AndMapsNotFoundTo404() throws Exception {
        UUID tripId = UUID.randomUUID();
        succeeding(tripId.toString(), "{\"id\":\"" + tripId + "\",\"status\":\"CANCELLED\"}");
        http.delete().uri("/api/v1/trips/{id}", tripId).header("Authorization", bearer(admin))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        assertThat(CancelTrip.parseFrom(responder.next().getData()).getTripId()).isEqualTo(tripId.toString());

        responder.reply(msg -> Replies.problem(DomainProblem.notFound("No trip " + tripId)));
        http.delete().uri("/api/v1/trips/{id}", tripId).header("Authorization", bearer(admin))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void createsTrainWithItsWagons() throws Exception {
        String trainId = UUID.randomUUID().toString();
        succeeding(trainId, "{\"id\":\"" + trainId + "\"}");
        http.post().uri("/api/v1/trains").header("Authorization", bearer(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"number":"ICE 9","name":"Rhein","wagons":[{"number":1,"seatClass":"FIRST","seats":20},
                         {"number":2,"seatClass":"SECOND","seats":60}]}""")
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/v1/trains/" + trainId);

        CreateTrain train = CreateTrain.parseFrom(responder.next().getData());
        assertThat(train.getNumber()).isEqualTo("ICE 9");
        assertThat(train.getWagonsList()).extracting(w -> w.getNumber() + "/" + w.getSeatClass() + "/" + w.getSeats())
                .containsExactly("1/SEAT_CLASS_FIRST/20", "2/SEAT_CLASS_SECOND/60");
    }

    @Test
    void schedulesTripWithStopTimesAndFaresPerClass() throws Exception {
        String tripId = UUID.randomUUID().toString();
        succeeding(tripId, "{\"id\":\"" + tripId + "\"}");
        UUID train = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        http.post().uri("/api/v1/trips").header("Authorization", bearer(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"trainId":"%s","stops":[{"stationId":"%s","departure":"2026-12-01T08:15:00Z"},
                          {"stationId":"%s","arrival":"2026-12-01T10:00:00+01:00"}],
                         "fares":{"FIRST":{"amount":"30.00","currency":"EUR"},
                                  "SECOND":{"amount":"12.50","currency":"EUR"}}}
                        """.formatted(train, a, b))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/v1/trips/" + tripId);

        ScheduleTrip trip = ScheduleTrip.parseFrom(responder.next().getData());
        assertThat(trip.getTrainId()).isEqualTo(train.toString());
        assertThat(trip.getStops(0).getStationId()).isEqualTo(a.toString());
        assertThat(trip.getStops(0).hasArrival()).isFalse();
        assertThat(trip.getStops(0).getDeparture().getSeconds())
                .isEqualTo(Instant.parse("2026-12-01T08:15:00Z").getEpochSecond());
        assertThat(trip.getStops(1).getArrival().getSeconds())
                .isEqualTo(Instant.parse("2026-12-01T09:00:00Z").getEpochSecond());
        assertThat(trip.getFaresList()).extracting(f -> f.getSeatClass() + "=" + f.getPerSegment().getAmount())
                .containsExactlyInAnyOrder(SeatClass.SEAT_CLASS_FIRST + "=30.00",
                        SeatClass.SEAT_CLASS_SECOND + "=12.50");
    }

    @Test
    void postsReviewAsUser() throws Exception {
        UUID tripId = UUID.randomUUID();
        String reviewId = UUID.randomUUID().toString();
        succeeding(reviewId, "{\"id\":\"" + reviewId + "\",\"rating\":4}");
        http.post().uri("/api/v1/trips/{id}/reviews", tripId).header("Authorization", bearer(user))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("rating", 4, "comment", "On time"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/v1/trips/" + tripId + "/reviews/" + reviewId);

        Message command = responder.next();
        PostReview review = PostReview.parseFrom(command.getData());
        assertThat(review.getTripId()).isEqualTo(tripId.toString());
        assertThat(review.getRating()).isEqualTo(4);
        assertThat(command.getHeaders().getFirst("user-id")).isEqualTo(userId.toString());
        assertThat(command.getHeaders().getFirst("roles")).isEqualTo("USER");
    }

    @Test
    void forbiddenReplyFromTheServiceIs403() {
        responder = Responder.answering(msg -> Replies.problem(DomainProblem.forbidden("No confirmed ticket")));
        http.post().uri("/api/v1/trips/{id}/reviews", UUID.randomUUID()).header("Authorization", bearer(user))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("rating", 5))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(PROBLEM_JSON);
    }

    @Test
    void logoutAndMarkReadAnswer204() throws Exception {
        succeeding("", "{}");
        http.post().uri("/api/v1/auth/logout").header("Authorization", bearer(user))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", "r-123"))
                .exchange()
                .expectStatus().isNoContent();
        Message logout = responder.next();
        assertThat(logout.getSubject()).isEqualTo("requests.user.LogoutUser");
        assertThat(LogoutUser.parseFrom(logout.getData()).getRefreshToken()).isEqualTo("r-123");

        UUID notificationId = UUID.randomUUID();
        http.post().uri("/api/v1/notifications/{id}/read", notificationId).header("Authorization", bearer(user))
                .exchange()
                .expectStatus().isNoContent();
        Message read = responder.next();
        assertThat(read.getSubject()).isEqualTo("requests.notification.MarkNotificationRead");
        assertThat(MarkNotificationRead.parseFrom(read.getData()).getNotificationId())
                .isEqualTo(notificationId.toString());
    }

    @Test
    void invalidBodiesAreRefusedBeforeAnyCommandIsSent() throws Exception {
        succeeding("x", "{}");
        http.post().uri("/api/v1/cities").header("Authorization", bearer(admin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", " ", "country", "France"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");

        http.post().uri("/api/v1/cities").header("Authorization", bearer(admin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": \"Lyon\", ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("The body is not valid JSON");

        // PostgreSQL cannot store NUL in text: refused here rather than failing in the service
        http.post().uri("/api/v1/cities").header("Authorization", bearer(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"Ly\\u0000on\", \"country\": \"France\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");

        http.post().uri("/api/v1/trains").header("Authorization", bearer(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"number\":\"1\",\"name\":\"x\","
                        + "\"wagons\":[{\"number\":1,\"seatClass\":\"FIRST\",\"seats\":\"many\"}]}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("wagons[0].seats");

        http.post().uri("/api/v1/trains").header("Authorization", bearer(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"number\":\"1\",\"name\":\"x\","
                        + "\"wagons\":[{\"number\":1,\"seatClass\":\"ROYAL\",\"seats\":3}]}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("wagons[0].seatClass")
                .jsonPath("$.errors[0].message").isEqualTo("must be one of [FIRST, SECOND]");

        http.post().uri("/api/v1/trips/{id}/reviews", UUID.randomUUID()).header("Authorization", bearer(user))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("rating", 9))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("rating");

        http.post().uri("/api/v1/cities").header("Authorization", bearer(admin))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("Lyon")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(PROBLEM_JSON);

        http.post().uri("/api/v1/cities").header("Authorization", bearer(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"country\":\"F\"}")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(PROBLEM_JSON);

        http.delete().uri("/api/v1/trips/not-a-uuid").header("Authorization", bearer(admin))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(PROBLEM_JSON);

        assertThat(responder.receivedCount()).isZero();
    }

    @Test
    void noResponderIs503WithRetryAfter() {
        http.post().uri("/api/v1/cities").header("Authorization", bearer(admin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Lyon", "country", "France"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:ticketing:unavailable");
    }

    @Test
    void aResponderThatNeverAnswersIs503AfterTheTimeout() throws Exception {
        responder = Responder.answering(msg -> null);
        http.post().uri("/api/v1/notifications/{id}/read", UUID.randomUUID()).header("Authorization", bearer(user))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After");
        assertThat(responder.next().getSubject()).isEqualTo("requests.notification.MarkNotificationRead");
    }
}
