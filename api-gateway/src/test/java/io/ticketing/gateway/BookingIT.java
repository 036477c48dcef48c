package io.ticketing.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import io.ticketing.gateway.domain.BookingRequest;
import io.ticketing.gateway.domain.SeatClass;
import io.ticketing.gateway.support.GatewayITSupport;
import io.ticketing.gateway.support.StubServices;
import io.ticketing.gateway.support.TestTokens;
import io.ticketing.platform.messaging.Streams;
import io.ticketing.platform.test.TestNats;
import io.ticketing.proto.commands.v1.BookTicket;
import io.ticketing.proto.commands.v1.CancelTicket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bookings and cancellations become durable JetStream commands. No ticket-service consumes COMMANDS here, so
 * every accepted command must be found stored in the stream.
 */
class BookingIT extends GatewayITSupport {

    private static final String BOOK = "commands.ticket.BookTicket";
    private static final String CANCEL = "commands.ticket.CancelTicket";

    private final StubServices stubs = StubServices.get();
    private final UUID userId = UUID.randomUUID();
    private final String token = TestTokens.user(userId);
    private final UUID trip = UUID.randomUUID();
    private final UUID from = UUID.randomUUID();
    private final UUID to = UUID.randomUUID();
    private Connection nats;
    private JetStreamManagement jsm;

    @Autowired
    private Connection gatewayNats;

    @BeforeEach
    void connect() throws Exception {
        nats = Nats.connect(TestNats.url());
        jsm = nats.jetStreamManagement();
    }

    @AfterEach
    void reset() throws InterruptedException {
        stubs.ticketServiceFailing.set(false);
        nats.close();
    }

    private Map<String, Object> booking(String passenger) {
        return Map.of("tripId", trip, "fromStationId", from, "toStationId", to, "seatClass", "SECOND",
                "passengerName", passenger);
    }

    private String hashOf(String passenger) {
        return new BookingRequest(trip, from, to, null, SeatClass.SECOND, passenger).requestHash();
    }

    @Test
    void storesBookTicketWhileNoTicketServiceRunsAndAnswers202() throws Exception {
        String key = "key-" + UUID.randomUUID();
        UUID ticketId = UUID.nameUUIDFromBytes((userId + ":" + key).getBytes(StandardCharsets.UTF_8));

        http.post().uri("/api/v1/tickets").header("Authorization", bearer(token)).header("Idempotency-Key", key)
                .header("X-Correlation-Id", "it-book")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(booking("Ann Lee"))
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("Location", "/api/v1/tickets/" + ticketId)
                .expectBody()
                .jsonPath("$.id").isEqualTo(ticketId.toString())
                .jsonPath("$.status").isEqualTo("PENDING");

        MessageInfo stored = jsm.getLastMessage(Streams.COMMANDS, BOOK);
        assertThat(stored.getHeaders().getFirst("Nats-Msg-Id")).isEqualTo(ticketId.toString());
        assertThat(stored.getHeaders().getFirst("user-id")).isEqualTo(userId.toString());
        assertThat(stored.getHeaders().getFirst("roles")).isEqualTo("USER");
        assertThat(stored.getHeaders().getFirst("correlation-id")).isEqualTo("it-book");
        BookTicket command = BookTicket.parseFrom(stored.getData());
        assertThat(command.getTicketId()).isEqualTo(ticketId.toString());
        assertThat(command.getIdempotencyKey()).isEqualTo(key);
        assertThat(command.getRequestHash()).isEqualTo(hashOf("Ann Lee"));
        assertThat(command.getTripId()).isEqualTo(trip.toString());
        assertThat(command.getSeatId()).isEmpty();
        assertThat(command.getSeatClass().name()).isEqualTo("SEAT_CLASS_SECOND");
        assertThat(command.getPassengerName()).isEqualTo("Ann Lee");
        // the pre-check asked ticket-service with the caller's own token
        assertThat(stubs.lastRequest.get("ticket").headers().getFirst("Authorization")).isEqualTo(bearer(token));
    }

    @Test
    void acceptsBookingsWhileTicketServiceFails() throws Exception {
        stubs.ticketServiceFailing.set(true);
        String key = "key-" + UUID.randomUUID();
        UUID ticketId = UUID.nameUUIDFromBytes((userId + ":" + key).getBytes(StandardCharsets.UTF_8));
        http.post().uri("/api/v1/tickets").header("Authorization", bearer(token)).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(booking("Ann Lee"))
                .exchange()
                .expectStatus().isAccepted();
        assertThat(jsm.getLastMessage(Streams.COMMANDS, BOOK).getHeaders().getFirst("Nats-Msg-Id"))
                .isEqualTo(ticketId.toString());
    }

    @Test
    void theSameKeyAndBodyAgainAnswersTheExistingTicketWithoutPublishing() throws Exception {
        String key = "key-" + UUID.randomUUID();
        UUID ticketId = UUID.nameUUIDFromBytes((userId + ":" + key).getBytes(StandardCharsets.UTF_8));
        stubs.tickets.put(ticketId, new StubServices.Ticket("CONFIRMED", null, hashOf("Ann Lee")));
        long before = jsm.getStreamInfo(Streams.COMMANDS).getStreamState().getLastSequence();

        http.post().uri("/api/v1/tickets").header("Authorization", bearer(token)).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(booking("Ann Lee"))
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("Location", "/api/v1/tickets/" + ticketId)
                .expectBody().jsonPath("$.status").isEqualTo("CONFIRMED");

        http.post().uri("/api/v1/tickets").header("Authorization", bearer(token)).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(booking("Someone Else"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:ticketing:idempotency-key-reused");

        assertThat(jsm.getStreamInfo(Streams.COMMANDS).getStreamState().getLastSequence()).isEqualTo(before);
    }

    @Test
    void refusesBookingsWithoutAUsableIdempotencyKeyOrSeatChoice() {
        http.post().uri("/api/v1/tickets").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(booking("Ann Lee"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");

        http.post().uri("/api/v1/tickets").header("Authorization", bearer(token)).header("Idempotency-Key", "k".repeat(101))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(booking("Ann Lee"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");

        http.post().uri("/api/v1/tickets").header("Authorization", bearer(token)).header("Idempotency-Key", "k1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tripId", trip, "fromStationId", from, "toStationId", to, "passengerName", "Ann"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("seatClass");

        http.post().uri("/api/v1/tickets").header("Idempotency-Key", "k1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(booking("Ann Lee"))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void cancellationIsCheckedAgainstTheTicketThenStored() throws Exception {
        UUID unknown = UUID.randomUUID();
        http.delete().uri("/api/v1/tickets/{id}", unknown).header("Authorization", bearer(token))
                .exchange().expectStatus().isNotFound();

        UUID cancelled = UUID.randomUUID();
        stubs.tickets.put(cancelled, new StubServices.Ticket("CANCELLED", Instant.now().plusSeconds(86_400), null));
        http.delete().uri("/api/v1/tickets/{id}", cancelled).header("Authorization", bearer(token))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType("application/problem+json");

        UUID departed = UUID.randomUUID();
        stubs.tickets.put(departed, new StubServices.Ticket("CONFIRMED", Instant.now().minusSeconds(60), null));
        http.delete().uri("/api/v1/tickets/{id}", departed).header("Authorization", bearer(token))
                .exchange().expectStatus().isEqualTo(422);

        UUID upcoming = UUID.randomUUID();
        stubs.tickets.put(upcoming, new StubServices.Ticket("CONFIRMED", Instant.now().plusSeconds(86_400), null));
        http.delete().uri("/api/v1/tickets/{id}", upcoming).header("Authorization", bearer(token))
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("Location", "/api/v1/tickets/" + upcoming)
                .expectBody().jsonPath("$.id").isEqualTo(upcoming.toString());

        MessageInfo stored = jsm.getLastMessage(Streams.COMMANDS, CANCEL);
        assertThat(CancelTicket.parseFrom(stored.getData()).getTicketId()).isEqualTo(upcoming.toString());
        assertThat(stored.getHeaders().getFirst("user-id")).isEqualTo(userId.toString());
    }

    @Test
    void bookingIs503WithRetryAfterWhileJetStreamIsUnreachable() {
        TestNats server = TestNats.controllable();
        server.stop();
        try {
            http.post().uri("/api/v1/tickets").header("Authorization", bearer(token))
                    .header("Idempotency-Key", "key-" + UUID.randomUUID())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(booking("Ann Lee"))
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().exists("Retry-After")
                    .expectHeader().contentType("application/problem+json");
        } finally {
            server.start();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> gatewayNats.getStatus() == Connection.Status.CONNECTED);
        }
    }
}
