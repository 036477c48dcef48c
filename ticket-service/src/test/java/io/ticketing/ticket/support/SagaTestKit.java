package io.ticketing.ticket.support;

import io.ticketing.platform.test.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.sql.DataSource;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.ticketing.platform.command.CommandClient;
import io.ticketing.platform.messaging.Ids;
import io.ticketing.platform.messaging.MessageHeaders;
import io.ticketing.platform.messaging.Streams;
import io.ticketing.proto.commands.v1.BookTicket;
import io.ticketing.proto.commands.v1.CancelTicket;
import io.ticketing.proto.commands.v1.CommandReply;
import io.ticketing.proto.commands.v1.LookupTicket;
import io.ticketing.proto.common.v1.Money;
import io.ticketing.proto.common.v1.Seat;
import io.ticketing.proto.common.v1.SeatClass;
import io.ticketing.proto.events.v1.RejectionReason;
import io.ticketing.proto.events.v1.SeatReservationRejected;
import io.ticketing.proto.events.v1.SeatReserved;
import io.ticketing.proto.events.v1.StopInfo;
import io.ticketing.proto.events.v1.TicketRequested;
import io.ticketing.proto.events.v1.TripCancelled;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * Plays the gateway (durable commands, HTTP reads with tokens) and train-service (reads TICKETS, publishes
 * TRAINS events) against the running service, on the real streams.
 */
public abstract class SagaTestKit {

    protected static final Duration PATIENCE = Duration.ofSeconds(20);
    protected static final Instant DEPARTURE = Instant.parse("2030-06-01T08:15:00Z");

    @Autowired
    protected CommandClient commands;
    @Autowired
    protected JetStream jetStream;
    @Autowired
    private Connection nats;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected MutableClock clock;
    @Autowired
    private DataSource dataSource;
    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** What the gateway sent for one booking. */
    public record Booking(UUID ticketId, UUID userId, UUID tripId, UUID fromStationId, UUID toStationId,
            BookTicket command) {
    }

    public record Http(int status, HttpHeaders headers, JsonNode body) {
    }

    protected JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    // ---- the gateway

    protected static Booking bookingFor(UUID user) {
        UUID ticketId = UUID.randomUUID();
        UUID trip = UUID.randomUUID();
        UUID from = UUID.randomUUID();
        UUID to = UUID.randomUUID();
        BookTicket command = BookTicket.newBuilder()
                .setTicketId(ticketId.toString())
                .setIdempotencyKey("key-" + ticketId)
                .setRequestHash("hash-" + ticketId)
                .setTripId(trip.toString())
                .setFromStationId(from.toString())
                .setToStationId(to.toString())
                .setSeatClass(SeatClass.SEAT_CLASS_SECOND)
                .setPassengerName("Ada Lovelace")
                .build();
        return new Booking(ticketId, user, trip, from, to, command);
    }

    protected void publishBooking(UUID user, BookTicket command, String messageId) {
        join(commands.publishDurably("commands.ticket.BookTicket", messageId, command,
                new CommandClient.Caller(user, List.of("USER"), null, null)));
    }

    /** Books through the gateway and waits until ticket-service asked train-service for the seat. */
    protected Booking bookPending(UUID user) {
        Booking booking = bookingFor(user);
        publishBooking(user, booking.command(), booking.ticketId().toString());
        awaitOneTicketEvent(TicketRequested.getDefaultInstance(), booking.ticketId());
        return booking;
    }

    protected Booking bookConfirmed(UUID user, Instant departure) {
        Booking booking = bookPending(user);
        trainReserves(booking, departure);
        awaitStatus(user, booking.ticketId(), "CONFIRMED");
        return booking;
    }

    /** Returns the command's message id, to check when it was processed. */
    protected String publishCancel(UUID user, boolean admin, UUID ticketId) {
        String messageId = Ids.newId().toString();
        join(commands.publishDurably("commands.ticket.CancelTicket", messageId,
                CancelTicket.newBuilder().setTicketId(ticketId.toString()).build(),
                new CommandClient.Caller(user, admin ? List.of("USER", "ADMIN") : List.of("USER"), null, null)));
        return messageId;
    }

    /** The gateway's look at a ticket before it stores a command ({@code requests.ticket.LookupTicket}). */
    protected CommandReply lookup(String ticketId, @Nullable UUID userId, String role) {
        return join(commands.request("requests.ticket.LookupTicket",
                LookupTicket.newBuilder().setTicketId(ticketId).build(),
                new CommandClient.Caller(userId, List.of(role), null, null), Duration.ofSeconds(10)));
    }

    /** The hash of the request that created the ticket, as the gateway's lookup sees it. */
    protected String storedRequestHash(UUID user, UUID ticketId) {
        CommandReply reply = lookup(ticketId.toString(), user, "USER");
        return json.readTree(reply.getSucceeded().getBody().toByteArray()).path("requestHash").asString();
    }

    protected void awaitProcessed(String consumer, String messageId) {
        await().atMost(PATIENCE).until(() -> jdbc()
                .sql("SELECT count(*) FROM inbox_message WHERE consumer = ? AND message_id = ?")
                .params(consumer, messageId).query(Long.class).single() == 1);
    }

    /** Waits until the durable consumer was handed every message stored so far, whatever it made of them. */
    protected void awaitAllDelivered(String stream, String consumer) throws IOException, JetStreamApiException {
        JetStreamManagement jsm = nats.jetStreamManagement();
        long last = jsm.getStreamInfo(stream).getStreamState().getLastSequence();
        await().atMost(PATIENCE).until(() -> jsm.getConsumerInfo(stream, consumer).getDelivered().getStreamSequence()
                >= last);
    }

    // ---- train-service

    protected static SeatReserved seatReserved(Booking booking, Instant departure) {
        return SeatReserved.newBuilder()
                .setTicketId(booking.ticketId().toString())
                .setTripId(booking.tripId().toString())
                .setTrainNumber("ICE 101")
                .setSeat(Seat.newBuilder().setSeatId(UUID.randomUUID().toString()).setWagon(3).setNumber("3-12")
                        .setSeatClass(SeatClass.SEAT_CLASS_SECOND))
                .setFrom(StopInfo.newBuilder().setStationId(booking.fromStationId().toString())
                        .setStationName("Berlin Hbf").setIndex(0).setDeparture(timestamp(departure)))
                .setTo(StopInfo.newBuilder().setStationId(booking.toStationId().toString())
                        .setStationName("Hamburg Hbf").setIndex(2)
                        .setArrival(timestamp(departure.plus(Duration.ofHours(2)))))
                .setPrice(Money.newBuilder().setAmount("12.5").setCurrency("EUR"))
                .setReservedAt(timestamp(Instant.now()))
                .build();
    }

    protected void trainReserves(Booking booking, Instant departure) {
        publishTrainEvent(seatReserved(booking, departure), Ids.newId().toString());
    }

    protected void trainRejects(Booking booking, RejectionReason reason) {
        publishTrainEvent(SeatReservationRejected.newBuilder()
                .setTicketId(booking.ticketId().toString())
                .setTripId(booking.tripId().toString())
                .setReason(reason)
                .setDetail("seat 3-12 is taken")
                .build(), Ids.newId().toString());
    }

    protected void trainCancelsTrip(UUID tripId) {
        publishTrainEvent(TripCancelled.newBuilder().setTripId(tripId.toString()).setTrainNumber("ICE 101").build(),
                Ids.newId().toString());
    }

    protected void publishTrainEvent(Message event, String messageId) {
        Headers headers = new Headers()
                .put(MessageHeaders.MESSAGE_ID, messageId)
                .put(MessageHeaders.EVENT_TYPE, event.getDescriptorForType().getFullName())
                .put(MessageHeaders.CONTENT_TYPE, MessageHeaders.PROTOBUF);
        try {
            jetStream.publish(NatsMessage.builder()
                    .subject("trains.events." + event.getDescriptorForType().getName())
                    .headers(headers)
                    .data(event.toByteArray())
                    .build());
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every event of this type on the TICKETS stream that concerns the ticket. */
    protected <T extends Message> List<T> ticketEvents(T prototype, UUID ticketId) {
        String id = ticketId.toString();
        return ticketEvents(prototype, e -> id.equals(e.getField(
                e.getDescriptorForType().findFieldByName("ticket_id"))));
    }

    @SuppressWarnings("unchecked")
    protected <T extends Message> List<T> ticketEvents(T prototype, Predicate<T> filter) {
        String subject = "tickets.events." + prototype.getDescriptorForType().getName();
        List<T> found = new ArrayList<>();
        try {
            JetStreamSubscription subscription = jetStream.subscribe(subject, PullSubscribeOptions.builder()
                    .stream(Streams.TICKETS)
                    .configuration(ConsumerConfiguration.builder()
                            .filterSubject(subject)
                            .ackPolicy(AckPolicy.None)
                            .deliverPolicy(DeliverPolicy.All)
                            .inactiveThreshold(Duration.ofSeconds(30))
                            .build())
                    .build());
            try {
                long pending = subscription.getConsumerInfo().getNumPending();
                while (found.size() < pending) {
                    List<io.nats.client.Message> batch = subscription.fetch((int) Math.min(pending - found.size(), 500),
                            Duration.ofSeconds(5));
                    if (batch.isEmpty()) {
                        throw new IllegalStateException("Stream " + subject + " stopped delivering");
                    }
                    for (io.nats.client.Message message : batch) {
                        found.add((T) prototype.getParserForType().parseFrom(message.getData()));
                    }
                }
            } finally {
                subscription.unsubscribe();
            }
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException(e);
        }
        return found.stream().filter(filter).toList();
    }

    protected <T extends Message> T awaitOneTicketEvent(T prototype, UUID ticketId) {
        return await().atMost(PATIENCE).until(() -> ticketEvents(prototype, ticketId), events -> !events.isEmpty())
                .getFirst();
    }

    /** Everything written to the outbox has been published (and acknowledged by JetStream). */
    protected void awaitOutboxDrained() {
        await().atMost(PATIENCE).until(() -> jdbc()
                .sql("SELECT count(*) FROM outbox_message WHERE published_at IS NULL").query(Long.class).single() == 0);
    }

    // ---- HTTP

    protected Http get(String token, String path) {
        return send(request(path).header("Authorization", "Bearer " + token).GET().build());
    }

    protected Http getAnonymously(String path) {
        return send(request(path).GET().build());
    }

    protected CompletableFuture<Http> getAsync(String token, String path) {
        return http.sendAsync(request(path).header("Authorization", "Bearer " + token).GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                .thenApply(this::toHttp);
    }

    protected Http getTicket(UUID user, UUID ticketId) {
        return get(TestTokens.user(user), "/api/v1/tickets/" + ticketId);
    }

    protected JsonNode awaitStatus(UUID user, UUID ticketId, String status) {
        return await().atMost(PATIENCE).until(() -> getTicket(user, ticketId),
                r -> r.status() == 200 && status.equals(r.body().path("status").asString())).body();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
    }

    private Http send(HttpRequest request) {
        try {
            return toHttp(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Http toHttp(HttpResponse<String> response) {
        JsonNode body = response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
        return new Http(response.statusCode(), response.headers(), body);
    }

    // ---- helpers

    protected static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    protected static Set<String> fieldNames(JsonNode node) {
        return Set.copyOf(node.propertyNames());
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Publishing failed", e);
        }
    }

    protected static <T extends Message> T parse(T prototype, byte[] data) {
        try {
            @SuppressWarnings("unchecked")
            T parsed = (T) prototype.getParserForType().parseFrom(data);
            return parsed;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
