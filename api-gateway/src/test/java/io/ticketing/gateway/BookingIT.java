package io.ticketing.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.InvalidProtocolBufferException;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PublishOptions;
import io.nats.client.api.MessageInfo;
import io.ticketing.gateway.domain.BookingRequest;
import io.ticketing.gateway.domain.SeatClass;
import io.ticketing.gateway.support.GatewayITSupport;
import io.ticketing.gateway.support.Responder;
import io.ticketing.gateway.support.TestTokens;
import io.ticketing.platform.command.Replies;
import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.messaging.Streams;
import io.ticketing.platform.test.TestNats;
import io.ticketing.proto.commands.v1.BookTicket;
import io.ticketing.proto.commands.v1.CancelTicket;
import io.ticketing.proto.commands.v1.CommandReply;
import io.ticketing.proto.commands.v1.LookupTicket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bookings and cancellations become durable JetStream commands. No ticket-service consumes COMMANDS here, so
 * every accepted command must be found stored in the stream; a stand-in answers the gateway's ticket lookups
 * on {@code requests.ticket.LookupTicket} from {@link #tickets}.
 */
class BookingIT extends GatewayITSupport {

    private static final String BOOK = "commands.ticket.BookTicket";
    private static final String CANCEL = "commands.ticket.CancelTicket";

    private static final String LOOKUP = "requests.ticket.LookupTicket";

    /** A ticket as ticket-service's lookup would report it. */
    private record Ticket(String status, @Nullable Instant departure, @Nullable String requestHash) {
    }

    private final Map<UUID, Ticket> tickets = new ConcurrentHashMap<>();
    private Responder ticketService;
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
        ticketService = Responder.answering(this::lookup);
    }

    @AfterEach
    void reset() throws InterruptedException {
        ticketService.close();
        nats.close();
    }

    private CommandReply lookup(Message request) {
        assertThat(request.getSubject()).isEqualTo(LOOKUP);
        UUID id;
        try {
            id = UUID.fromString(LookupTicket.parseFrom(request.getData()).getTicketId());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
        Ticket ticket = tickets.get(id);
        if (ticket == null) {
            return Replies.problem(DomainProblem.notFound("No ticket " + id));
        }
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("status", ticket.status());
        body.put("requestHash", ticket.requestHash());
        body.put("departure", ticket.departure() == null ? null : ticket.departure().toString());
        return Replies.success(id.toString(), JsonMapper.shared().writeValueAsBytes(body));
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
        // the lookup asked ticket-service on the caller's behalf: it finds only the caller's own ticket
        Message lookup = ticketService.next();
        assertThat(LookupTicket.parseFrom(lookup.getData()).getTicketId()).isEqualTo(ticketId.toString());
        assertThat(lookup.getHeaders().getFirst("user-id")).isEqualTo(userId.toString());
        assertThat(lookup.getHeaders().getFirst("roles")).isEqualTo("USER");
        assertThat(lookup.getHeaders().getFirst("correlation-id")).isEqualTo("it-book");
    }

    @Test
    void acceptsBookingsWhileTicketServiceFails() throws Exception {
        ticketService.reply(msg -> Replies.internalError());
        assertBookingStoredWithoutTicketService();
    }

    @Test
    void acceptsBookingsWhileNoTicketServiceAnswers() throws Exception {
        ticketService.close();
        assertBookingStoredWithoutTicketService();
    }

    private void assertBookingStoredWithoutTicketService() throws Exception {
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
        tickets.put(ticketId, new Ticket("CONFIRMED", null, hashOf("Ann Lee")));
        long before = jsm.getStreamInfo(Streams.COMMANDS).getStreamState().getLastSequence();

        http.post().uri("/api/v1/tickets").header("Authorization", bearer(token)).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(booking("Ann Lee"))
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("Location", "/api/v1/tickets/" + ticketId)
                // the answer the first request got (API.md); the Location tells that it is confirmed since
                .expectBody().jsonPath("$.status").isEqualTo("PENDING");

        http.post().uri("/api/v1/tickets").header("Authorization", bearer(token)).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(booking("Someone Else"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:ticketing:idempotency-key-reused")
                .jsonPath("$.code").isEqualTo("IDEMPOTENCY_KEY_REUSED");

        assertThat(jsm.getStreamInfo(Streams.COMMANDS).getStreamState().getLastSequence()).isEqualTo(before);
    }

    @Test
    void refusesBookingsWithoutAUsableIdempotencyKeyOrSeatChoice() {
        http.post().uri("/api/v1/tickets").header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(booking("Ann Lee"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");

        http.post().uri("/api/v1/tickets").header("Authorization", bearer(token))
                .header("Idempotency-Key", "k".repeat(101))
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

    @ParameterizedTest
    @ValueSource(strings = {"Ann\u0000Lee", "Ann\u0007Lee", "Ann\nLee", "Ann\u0085"})
    void refusesControlCharactersInThePassengerNameWithoutPublishing(String passenger) throws Exception {
        long before = jsm.getStreamInfo(Streams.COMMANDS).getStreamState().getLastSequence();

        http.post().uri("/api/v1/tickets").header("Authorization", bearer(token))
                .header("Idempotency-Key", "key-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(booking(passenger))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("passengerName");

        assertThat(jsm.getStreamInfo(Streams.COMMANDS).getStreamState().getLastSequence()).isEqualTo(before);
    }

    @Test
    void refusesPassengerNamesLongerThanTicketServiceStores() throws Exception {
        long before = jsm.getStreamInfo(Streams.COMMANDS).getStreamState().getLastSequence();

        http.post().uri("/api/v1/tickets").header("Authorization", bearer(token))
                .header("Idempotency-Key", "key-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(booking("A".repeat(101)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("passengerName");
        http.post().uri("/api/v1/tickets").header("Authorization", bearer(token))
                .header("Idempotency-Key", "key-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(booking("A".repeat(100)))
                .exchange()
                .expectStatus().isAccepted();

        assertThat(jsm.getStreamInfo(Streams.COMMANDS).getStreamState().getLastSequence()).isEqualTo(before + 1);
    }

    @Test
    void cancellationIsCheckedAgainstTheTicketThenStored() throws Exception {
        UUID unknown = UUID.randomUUID();
        http.delete().uri("/api/v1/tickets/{id}", unknown).header("Authorization", bearer(token))
                .exchange().expectStatus().isNotFound();

        UUID cancelled = UUID.randomUUID();
        tickets.put(cancelled, new Ticket("CANCELLED", Instant.now().plusSeconds(86_400), null));
        http.delete().uri("/api/v1/tickets/{id}", cancelled).header("Authorization", bearer(token))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType("application/problem+json");

        UUID departed = UUID.randomUUID();
        tickets.put(departed, new Ticket("CONFIRMED", Instant.now().minusSeconds(60), null));
        http.delete().uri("/api/v1/tickets/{id}", departed).header("Authorization", bearer(token))
                .exchange().expectStatus().isEqualTo(422);

        UUID upcoming = UUID.randomUUID();
        tickets.put(upcoming, new Ticket("CONFIRMED", Instant.now().plusSeconds(86_400), null));
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
    void anotherBodyForAKeyWhoseFirstBookingIsNotStoredYetIs422() throws Exception {
        String key = UUID.randomUUID().toString();
        book(key, "Alice").expectStatus().isAccepted();

        // ticket-service has not stored it yet: the lookup still says "missing"
        book(key, "Bob")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:ticketing:idempotency-key-reused");
        book(key, "Alice").expectStatus().isAccepted();
    }

    @Test
    void aKeyFirstUsedThroughAnotherReplicaIsJudgedByItsStoredTicket() throws Exception {
        String key = UUID.randomUUID().toString();
        UUID ticketId = publishAsAnotherReplica(key, "Alice");
        // ticket-service stores Alice's booking a moment after this replica's first look
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(() ->
                tickets.put(ticketId, new Ticket("PENDING", null, hashOf("Alice"))));

        book(key, "Bob")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:ticketing:idempotency-key-reused");

        // the same body through this replica while the ticket is not stored yet: accepted once it is
        String sameKey = UUID.randomUUID().toString();
        UUID sameTicket = publishAsAnotherReplica(sameKey, "Alice");
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(() ->
                tickets.put(sameTicket, new Ticket("CONFIRMED", null, hashOf("Alice"))));
        book(sameKey, "Alice")
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.id").isEqualTo(sameTicket.toString())
                .jsonPath("$.status").isEqualTo("PENDING");
    }

    @Test
    void aKeyFirstUsedThroughAnotherReplicaIs503UntilItsTicketIsStored() throws Exception {
        String key = UUID.randomUUID().toString();
        publishAsAnotherReplica(key, "Alice");

        book(key, "Bob")
                .expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType("application/problem+json");
    }

    private WebTestClient.ResponseSpec book(String key, String passenger) {
        return http.post().uri("/api/v1/tickets").header("Authorization", bearer(token))
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(booking(passenger))
                .exchange();
    }

    /** Stores the BookTicket command another gateway replica would for the key; returns the ticket id. */
    private UUID publishAsAnotherReplica(String key, String passenger) throws Exception {
        UUID ticketId = UUID.nameUUIDFromBytes((userId + ":" + key).getBytes(StandardCharsets.UTF_8));
        BookTicket command = BookTicket.newBuilder().setTicketId(ticketId.toString()).setIdempotencyKey(key)
                .setRequestHash(hashOf(passenger)).setTripId(trip.toString()).setFromStationId(from.toString())
                .setToStationId(to.toString()).setPassengerName(passenger).build();
        assertThat(nats.jetStream().publish(BOOK, command.toByteArray(),
                PublishOptions.builder().messageId(ticketId.toString()).build()).isDuplicate()).isFalse();
        return ticketId;
    }

    @Test
    void aCancellationRightAfterTheBookingWaitsForTheTicketToBeStored() throws Exception {
        UUID justBooked = UUID.randomUUID();
        // ticket-service stores the booking only a moment after the gateway's first look
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(() ->
                tickets.put(justBooked, new Ticket("PENDING", Instant.now().plusSeconds(86_400), null)));

        http.delete().uri("/api/v1/tickets/{id}", justBooked).header("Authorization", bearer(token))
                .exchange()
                .expectStatus().isAccepted();

        UUID neverBooked = UUID.randomUUID();
        http.delete().uri("/api/v1/tickets/{id}", neverBooked).header("Authorization", bearer(token))
                .exchange()
                .expectStatus().isNotFound()
                // as ticket-service's own 404 on GET reads
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:ticketing:ticket-not-found")
                .jsonPath("$.code").isEqualTo("TICKET_NOT_FOUND");
    }

    @Test
    void aStrangersBlindCancellationDoesNotSpoilTheOwnersWhileTicketServiceIsDown() throws Exception {
        ticketService.close();
        UUID ticket = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        long before = jsm.getStreamInfo(Streams.COMMANDS).getStreamState().getLastSequence();

        for (String caller : new String[] {TestTokens.user(stranger), token, token}) {
            http.delete().uri("/api/v1/tickets/{id}", ticket).header("Authorization", bearer(caller))
                    .exchange().expectStatus().isAccepted();
        }

        assertThat(jsm.getStreamInfo(Streams.COMMANDS).getStreamState().getLastSequence())
                .as("the owner's cancellation is stored besides the stranger's, and stored once")
                .isEqualTo(before + 2);
        MessageInfo owners = jsm.getLastMessage(Streams.COMMANDS, CANCEL);
        assertThat(owners.getHeaders().getFirst("user-id")).isEqualTo(userId.toString());
        assertThat(CancelTicket.parseFrom(owners.getData()).getTicketId()).isEqualTo(ticket.toString());
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
