package io.ticketing.systemtest;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.ticketing.systemtest.support.Api;
import io.ticketing.systemtest.support.Network;
import io.ticketing.systemtest.support.Session;
import io.ticketing.systemtest.support.Summary;
import io.ticketing.systemtest.support.SystemTest;
import io.ticketing.systemtest.support.Tickets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SystemTest
class JourneyIT {

    @Test
    void travellerSearchesBooksIsNotifiedCancelsAndReviews() throws Exception {
        Session admin = Session.admin();
        Session traveller = Session.register("Ada Traveller");
        Network net = Network.build(admin, 4, 6);

        // what the admin creates is found where its Location points; a train's seats are named "wagon-seat"
        Api.Response city = admin.api().post("/api/v1/cities",
                Map.of("name", "Extra-" + UUID.randomUUID(), "country", "Testland"));
        assertThat(Api.anonymous().get(city.header("Location")).json()).isEqualTo(city.json());
        Api.Response station = admin.api().post("/api/v1/stations", Map.of("name", "Extra", "cityId",
                city.text("id"), "code", "X" + UUID.randomUUID().toString().substring(0, 7)));
        assertThat(Api.anonymous().get(station.header("Location")).json()).isEqualTo(station.json());
        Api.Response train = Api.anonymous().get("/api/v1/trains/" + net.trainId());
        assertThat(train.json().path("wagons").get(1).path("seats").get(2).path("seatNumber").asString())
                .isEqualTo("2-3");

        // search A -> C on the trip's day: found with both classes, price = 2 segments
        Api.Response search = Api.anonymous().get("/api/v1/trips?from=" + net.cityIds().get(0) + "&to="
                + net.cityIds().get(2) + "&date=" + net.date());
        assertThat(search.status()).as("search: %s", search).isEqualTo(200);
        JsonNode found = null;
        for (JsonNode item : search.json().path("items")) {
            if (item.path("id").asString().equals(net.tripId())) {
                found = item;
            }
        }
        assertThat(found).as("trip in search results: %s", search).isNotNull();
        assertThat(found.path("trainNumber").asString()).isEqualTo(net.trainNumber());
        assertThat(found.path("durationMinutes").asInt()).isEqualTo(115);
        assertThat(found.path("classes")).anySatisfy(c -> {
            assertThat(c.path("seatClass").asString()).isEqualTo("FIRST");
            assertThat(c.path("price").path("amount").asString()).isEqualTo("40.00");
            assertThat(c.path("freeSeats").asInt()).isEqualTo(4);
        });

        // live notifications: open the stream before booking
        List<String> streamed = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> stream = openStream(traveller, streamed);

        // book a chosen FIRST seat A -> C
        JsonNode seatMap = net.seatMap(Api.anonymous(), 0, 2);
        assertThat(seatMap).hasSize(10);
        String seatId = firstFreeSeat(seatMap, "FIRST");
        Map<String, Object> seatBooking = net.booking(0, 2, seatId, null, "Ada Traveller");
        String key = UUID.randomUUID().toString();
        Api.Response booked = traveller.api().post("/api/v1/tickets", seatBooking, Map.of("Idempotency-Key", key));
        assertThat(booked.status()).as("booking: %s", booked).isEqualTo(202);
        String bySeat = booked.text("id");
        JsonNode confirmed = Tickets.awaitSettled(traveller, bySeat);
        assertThat(confirmed.path("status").asString()).as("%s", confirmed).isEqualTo("CONFIRMED");
        assertThat(confirmed.path("seat").path("id").asString()).isEqualTo(seatId);
        assertThat(confirmed.path("price").path("amount").asString()).isEqualTo("40.00");
        assertThat(confirmed.path("from").path("stationId").asString()).isEqualTo(net.stationIds().get(0));
        Summary.count("bookings confirmed");

        // the same key and body again: the same answer, no second ticket; the same key with another body: 422
        Api.Response repeated = traveller.api().post("/api/v1/tickets", seatBooking, Map.of("Idempotency-Key", key));
        assertThat(repeated.status()).as("repeated booking: %s", repeated).isEqualTo(202);
        assertThat(repeated.json()).isEqualTo(booked.json());
        assertThat(repeated.header("Location")).isEqualTo(booked.header("Location"));
        Api.Response reused = traveller.api().post("/api/v1/tickets",
                net.booking(0, 2, seatId, null, "Someone Else"), Map.of("Idempotency-Key", key));
        assertThat(reused.status()).as("key reused: %s", reused).isEqualTo(422);
        assertThat(reused.isProblem()).isTrue();

        // book by class SECOND B -> D
        String byClass = Tickets.book(traveller, net.booking(1, 3, null, "SECOND", "Ada Traveller"));
        JsonNode second = Tickets.awaitSettled(traveller, byClass);
        assertThat(second.path("status").asString()).as("%s", second).isEqualTo("CONFIRMED");
        assertThat(second.path("seat").path("seatClass").asString()).isEqualTo("SECOND");
        Summary.count("bookings confirmed");

        // the seat is taken for A -> C, and for A -> B, but still free for C -> D
        assertThat(free(net.seatMap(Api.anonymous(), 0, 1), seatId)).isFalse();
        assertThat(free(net.seatMap(Api.anonymous(), 2, 3), seatId)).isTrue();

        // notified: listed and pushed live
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response list = traveller.api().get("/api/v1/notifications");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json().path("items")).anySatisfy(n -> {
                assertThat(n.path("type").asString()).isEqualTo("TICKET_BOOKED");
                assertThat(n.path("ticketId").asString()).isEqualTo(bySeat);
            });
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> streamed.stream().anyMatch(l -> l.contains(bySeat)));
        stream.cancel(true);

        // cancel the first ticket: CANCELLED and the seat is free again for that segment
        Api.Response cancel = traveller.api().delete("/api/v1/tickets/" + bySeat);
        assertThat(cancel.status()).as("cancel: %s", cancel).isEqualTo(202);
        assertThat(Tickets.awaitStatus(traveller, bySeat, "CANCELLED", Duration.ofSeconds(20))
                .path("status").asString()).isEqualTo("CANCELLED");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> free(net.seatMap(Api.anonymous(), 0, 2), seatId));
        Api.Response again = traveller.api().delete("/api/v1/tickets/" + bySeat);
        assertThat(again.status()).as("second cancel: %s", again).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();

        // review by a traveller with a confirmed ticket; a stranger may not
        Api.Response review = await().atMost(Duration.ofSeconds(20)).until(
                () -> traveller.api().post("/api/v1/trips/" + net.tripId() + "/reviews",
                        Map.of("rating", 5, "comment", "Smooth ride")), r -> r.status() == 201);
        Api.Response posted = Api.anonymous().get(review.header("Location"));
        assertThat(posted.status()).as("the review's Location: %s", posted).isEqualTo(200);
        assertThat(posted.json()).isEqualTo(review.json());
        Session stranger = Session.register("Sam Stranger");
        Api.Response forbidden = stranger.api().post("/api/v1/trips/" + net.tripId() + "/reviews",
                Map.of("rating", 1, "comment", "never travelled"));
        assertThat(forbidden.status()).as("stranger review: %s", forbidden).isEqualTo(403);
        Api.Response reviews = Api.anonymous().get("/api/v1/trips/" + net.tripId() + "/reviews");
        assertThat(reviews.json().path("totalItems").asInt()).isEqualTo(1);
        Summary.count("journeys passed");
    }

    private static String firstFreeSeat(JsonNode seatMap, String seatClass) {
        for (JsonNode seat : seatMap) {
            if (seat.path("seatClass").asString().equals(seatClass) && seat.path("free").asBoolean()) {
                return seat.path("id").asString();
            }
        }
        throw new AssertionError("no free " + seatClass + " seat in " + seatMap);
    }

    private static boolean free(JsonNode seatMap, String seatId) {
        for (JsonNode seat : seatMap) {
            if (seat.path("id").asString().equals(seatId)) {
                return seat.path("free").asBoolean();
            }
        }
        throw new AssertionError("seat " + seatId + " not in the map");
    }

    /** Reads the SSE stream through the gateway, with the token as a browser would pass it. */
    static CompletableFuture<Void> openStream(Session who, List<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Api.anonymous().base()
                        + "/api/v1/notifications/stream?access_token=" + who.accessToken()))
                .header("Accept", "text/event-stream").build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenAccept(response -> {
                    assertThat(response.statusCode()).isEqualTo(200);
                    try (InputStream in = response.body()) {
                        StringBuilder line = new StringBuilder();
                        int c;
                        while ((c = in.read()) >= 0) {
                            if (c == '\n') {
                                lines.add(line.toString());
                                line.setLength(0);
                            } else {
                                line.append((char) c);
                            }
                        }
                    } catch (java.io.IOException ignored) {
                        // stream closed by the test
                    }
                });
    }

}
