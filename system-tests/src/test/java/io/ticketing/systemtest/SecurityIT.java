package io.ticketing.systemtest;

import java.time.Duration;
import java.util.Map;

import io.ticketing.systemtest.support.Api;
import io.ticketing.systemtest.support.Network;
import io.ticketing.systemtest.support.Session;
import io.ticketing.systemtest.support.SystemTest;
import io.ticketing.systemtest.support.Tickets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SystemTest
class SecurityIT {

    @Test
    void travellersCannotTouchEachOthersTicketsOrNotifications() {
        Session admin = Session.admin();
        Session alice = Session.register("Alice Owner");
        Session bob = Session.register("Bob Other");
        Network net = Network.build(admin, 2, 2);
        String ticket = Tickets.book(alice, net.booking(0, 1, null, "FIRST", "Alice"));
        assertThat(Tickets.awaitSettled(alice, ticket).path("status").asString()).isEqualTo("CONFIRMED");

        assertThat(bob.api().get("/api/v1/tickets/" + ticket).status()).isEqualTo(404);
        assertThat(bob.api().delete("/api/v1/tickets/" + ticket).status()).isEqualTo(404);
        assertThat(bob.api().get("/api/v1/tickets").json().path("items")).isEmpty();
        assertThat(bob.api().post("/api/v1/trips/" + net.tripId() + "/reviews", Map.of("rating", 4, "comment", "x"))
                .status()).isEqualTo(403);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                alice.api().get("/api/v1/notifications").json().path("totalItems").asInt() >= 2);
        JsonNode aliceNotification = alice.api().get("/api/v1/notifications").json().path("items").get(0);
        assertThat(bob.api().post("/api/v1/notifications/" + aliceNotification.path("id").asString() + "/read", null)
                .status()).isEqualTo(404);
        assertThat(bob.api().get("/api/v1/notifications").json().path("items"))
                .noneSatisfy(n -> assertThat(n.path("id").asString())
                        .isEqualTo(aliceNotification.path("id").asString()));

        // the admin may read any ticket
        assertThat(admin.api().get("/api/v1/tickets/" + ticket).status()).isEqualTo(200);
    }

    @Test
    void usersCannotWriteTheCatalogAndAnonymousCannotBook() {
        Session user = Session.register("Mallory User");
        Api.Response city = user.api().post("/api/v1/cities", Map.of("name", "Nowhere", "country", "X"));
        assertThat(city.status()).isEqualTo(403);
        assertThat(city.isProblem()).isTrue();
        assertThat(user.api().post("/api/v1/trains", Map.of("number", "X1", "name", "x", "wagons", java.util.List.of()))
                .status()).isEqualTo(403);
        Api.Response anonymous = Api.anonymous().bookTicket(Map.of("tripId", java.util.UUID.randomUUID().toString()));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        // identity headers sent by a client are ignored
        Api.Response spoofed = Api.anonymous().raw("GET", "/api/v1/users/me", null,
                Map.of("user-id", user.userId(), "roles", "ADMIN"));
        assertThat(spoofed.status()).isEqualTo(401);
    }

    @Test
    void aReusedRefreshTokenRevokesTheWholeSessionAsApiMdSays() {
        Session user = Session.register("Reuse Tester");
        Api anonymous = Api.anonymous();
        Api.Response rotated = anonymous.post("/api/v1/auth/refresh", Map.of("refreshToken", user.refreshToken()));
        assertThat(rotated.status()).isEqualTo(200);
        String newer = rotated.text("refreshToken");

        Api.Response reused = anonymous.post("/api/v1/auth/refresh", Map.of("refreshToken", user.refreshToken()));

        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.isProblem()).isTrue();
        assertThat(anonymous.post("/api/v1/auth/refresh", Map.of("refreshToken", newer)).status())
                .as("the newer token of the same session is revoked too").isEqualTo(401);
    }
}
