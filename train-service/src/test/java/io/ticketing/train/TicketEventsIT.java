package io.ticketing.train;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.nats.client.Connection;
import io.ticketing.platform.command.CommandClient;
import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.test.ServiceIntegrationTest;
import io.ticketing.proto.commands.v1.CancelTrip;
import io.ticketing.proto.commands.v1.CommandReply;
import io.ticketing.proto.commands.v1.PostReview;
import io.ticketing.proto.common.v1.SeatClass;
import io.ticketing.proto.events.v1.RejectionReason;
import io.ticketing.proto.events.v1.SeatReleased;
import io.ticketing.proto.events.v1.SeatReservationRejected;
import io.ticketing.proto.events.v1.SeatReserved;
import io.ticketing.proto.events.v1.TicketBooked;
import io.ticketing.proto.events.v1.TicketCancelled;
import io.ticketing.proto.events.v1.TicketRequested;
import io.ticketing.proto.events.v1.TripCancelled;
import io.ticketing.train.application.port.in.GetTripsQuery;
import io.ticketing.train.application.port.in.ReviewView;
import io.ticketing.train.domain.model.ReviewId;
import io.ticketing.platform.web.PageResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ticket-service's events in through the TICKETS stream, train-service's answers out on the TRAINS stream. */
@ServiceIntegrationTest
class TicketEventsIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    Connection nats;
    @Autowired
    CommandClient commands;
    @Autowired
    GetTripsQuery tripsQuery;
    @Autowired
    JdbcClient jdbc;

    CatalogFixture catalog;
    TrainEventsProbe probe;

    @BeforeEach
    void start() throws Exception {
        catalog = new CatalogFixture(context);
        probe = new TrainEventsProbe(nats);
    }

    @AfterEach
    void stop() {
        probe.close();
    }

    private static TicketRequested.Builder request(CatalogFixture.Setup setup, String ticketId, int from, int to) {
        return TicketRequested.newBuilder()
                .setTicketId(ticketId)
                .setUserId(UUID.randomUUID().toString())
                .setTripId(setup.trip().id().toString())
                .setFromStationId(setup.station(from).toString())
                .setToStationId(setup.station(to).toString())
                .setPassengerName("Ada Lovelace");
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private long reservations(String ticketId) {
        return jdbc.sql("SELECT count(*) FROM seat_reservation WHERE ticket_id = ?::uuid").param(ticketId)
                .query(Long.class).single();
    }

    @Test
    void ticketRequestedReservesASeatAndAnnouncesIt() throws Exception {
        CatalogFixture.Setup setup = catalog.trip(3, 2, 4);
        String ticket = newId();

        probe.publishTicketEvent(request(setup, ticket, 0, 2).setSeatClass(SeatClass.SEAT_CLASS_SECOND).build(),
                newId());

        SeatReserved reserved = probe.await(SeatReserved.getDefaultInstance(), e -> e.getTicketId().equals(ticket));
        assertThat(reserved.getTripId()).isEqualTo(setup.trip().id().toString());
        assertThat(reserved.getTrainNumber()).isEqualTo(setup.train().number());
        assertThat(reserved.getSeat().getNumber()).matches("2-[1-4]");
        assertThat(reserved.getSeat().getSeatClass()).isEqualTo(SeatClass.SEAT_CLASS_SECOND);
        assertThat(reserved.getPrice().getAmount()).isEqualTo("25.00");
        assertThat(reserved.getPrice().getCurrency()).isEqualTo("EUR");
        assertThat(reserved.getFrom().getStationName()).isEqualTo(setup.stations().get(0).name());
        assertThat(reserved.getFrom().getDeparture().getSeconds()).isEqualTo(CatalogFixture.DEPARTURE.getEpochSecond());
        assertThat(reserved.getFrom().hasArrival()).isFalse();
        assertThat(reserved.getTo().getIndex()).isEqualTo(2);
        assertThat(reserved.getTo().hasArrival()).isTrue();

        // the same seat, requested by name for an overlapping segment, is refused
        String rival = newId();
        probe.publishTicketEvent(request(setup, rival, 1, 2).setSeatId(reserved.getSeat().getSeatId())
                .setSeatClass(SeatClass.SEAT_CLASS_SECOND).build(), newId());
        SeatReservationRejected rejected = probe.await(SeatReservationRejected.getDefaultInstance(),
                e -> e.getTicketId().equals(rival));
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.REJECTION_REASON_SEAT_TAKEN);
    }

    @Test
    void duplicatesAndLateRequestsHaveNoSecondEffect() throws Exception {
        CatalogFixture.Setup setup = catalog.trip(2, 0, 3);
        String ticket = newId();
        TicketRequested requested = request(setup, ticket, 0, 1).setSeatClass(SeatClass.SEAT_CLASS_SECOND).build();
        String messageId = newId();

        probe.publishTicketEvent(requested, messageId);
        probe.publishTicketEvent(requested, messageId);
        // ticket-service emitting the same request again under a new message id
        probe.publishTicketEvent(requested, newId());
        TicketCancelled cancelled = TicketCancelled.newBuilder().setTicketId(ticket)
                .setTripId(setup.trip().id().toString()).build();
        probe.publishTicketEvent(cancelled, newId());
        probe.publishTicketEvent(cancelled, newId());
        // a request arriving after the cancellation must not hold a seat
        probe.publishTicketEvent(requested, newId());
        String marker = newId();
        probe.publishTicketEvent(request(setup, marker, 0, 1).setSeatClass(SeatClass.SEAT_CLASS_SECOND).build(),
                newId());

        // events are handled in stream order: once the marker is answered, everything before it was too
        probe.await(SeatReserved.getDefaultInstance(), e -> e.getTicketId().equals(marker));
        List<SeatReserved> reserved = probe.all(SeatReserved.getDefaultInstance(), e -> e.getTicketId().equals(ticket));
        assertThat(reserved).hasSize(2).extracting(e -> e.getSeat().getSeatId()).containsOnly(
                reserved.getFirst().getSeat().getSeatId());
        assertThat(probe.all(SeatReleased.getDefaultInstance(), e -> e.getTicketId().equals(ticket))).hasSize(1);
        assertThat(probe.all(SeatReservationRejected.getDefaultInstance(), e -> e.getTicketId().equals(ticket)))
                .singleElement()
                .satisfies(e -> assertThat(e.getReason()).isEqualTo(RejectionReason.REJECTION_REASON_UNSPECIFIED));
        assertThat(reservations(ticket)).isZero();
        assertThat(reservations(marker)).isEqualTo(1);
    }

    @Test
    void cancellingATripAnnouncesItAndRefusesNewReservations() throws Exception {
        CatalogFixture.Setup setup = catalog.trip(2, 0, 3);

        CommandReply reply = commands.request("requests.train.CancelTrip",
                CancelTrip.newBuilder().setTripId(setup.trip().id().toString()).build(),
                new CommandClient.Caller(UUID.randomUUID(), List.of("ADMIN"), null, null), Duration.ofSeconds(10))
                .get();
        assertThat(reply.hasSucceeded()).isTrue();
        assertThat(reply.getSucceeded().getBody().toStringUtf8()).contains("\"status\":\"CANCELLED\"");
        TripCancelled tripCancelled = probe.await(TripCancelled.getDefaultInstance(),
                e -> e.getTripId().equals(setup.trip().id().toString()));
        assertThat(tripCancelled.getTrainNumber()).isEqualTo(setup.train().number());

        String ticket = newId();
        probe.publishTicketEvent(request(setup, ticket, 0, 1).setSeatClass(SeatClass.SEAT_CLASS_SECOND).build(),
                newId());
        assertThat(probe.await(SeatReservationRejected.getDefaultInstance(), e -> e.getTicketId().equals(ticket))
                .getReason()).isEqualTo(RejectionReason.REJECTION_REASON_TRIP_CANCELLED);
    }

    @Test
    void aTripThatDepartedCannotBeCancelled() throws Exception {
        CatalogFixture.Setup setup = catalog.trip(2, 0, 3);
        // the whole timetable moved back until the train left its first stop ten minutes ago
        jdbc.sql("""
                UPDATE trip_stop SET arrives_at = arrives_at - shift.by, departs_at = departs_at - shift.by
                FROM (SELECT min(departs_at) - now() + interval '10 minutes' AS by FROM trip_stop WHERE trip_id = :trip)
                     AS shift
                WHERE trip_id = :trip""").param("trip", setup.trip().id()).update();

        CommandReply reply = commands.request("requests.train.CancelTrip",
                CancelTrip.newBuilder().setTripId(setup.trip().id().toString()).build(),
                new CommandClient.Caller(UUID.randomUUID(), List.of("ADMIN"), null, null), Duration.ofSeconds(10))
                .get();

        assertThat(reply.getProblem().getStatus()).isEqualTo(422);
        assertThat(reply.getProblem().getType()).endsWith("trip-departed");
        assertThat(jdbc.sql("SELECT status FROM trip WHERE id = ?").param(setup.trip().id())
                .query(String.class).single()).isEqualTo("SCHEDULED");
    }

    @Test
    void cancellingATripNoOneKnowsIsNotFoundWhateverItsId() throws Exception {
        for (String id : new String[] {new UUID(0, 0).toString(), newId(), "not-a-uuid"}) {
            CommandReply reply = commands.request("requests.train.CancelTrip",
                    CancelTrip.newBuilder().setTripId(id).build(),
                    new CommandClient.Caller(UUID.randomUUID(), List.of("ADMIN"), null, null), Duration.ofSeconds(10))
                    .get();
            assertThat(reply.getProblem().getStatus()).as(id).isEqualTo(404);
        }
    }

    @Test
    void onlyConfirmedTravellersMayReviewOncePerTrip() throws Exception {
        CatalogFixture.Setup setup = catalog.trip(2, 0, 3);
        UUID traveller = UUID.randomUUID();
        String ticket = newId();
        probe.publishTicketEvent(TicketBooked.newBuilder().setTicketId(ticket).setUserId(traveller.toString())
                .setTripId(setup.trip().id().toString()).build(), newId());
        PostReview review = PostReview.newBuilder().setTripId(setup.trip().id().toString()).setRating(4)
                .setComment("Quiet and on time").build();

        CommandReply first = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> postReview(review, traveller), r -> r.hasSucceeded());
        assertThat(first.getSucceeded().getBody().toStringUtf8()).contains("\"rating\":4")
                .contains("\"userId\":\"" + traveller + "\"");
        assertThat(postReview(review, traveller).getProblem().getStatus()).isEqualTo(409);
        assertThat(postReview(review, UUID.randomUUID()).getProblem().getStatus()).isEqualTo(403);
        assertThat(postReview(review.toBuilder().setRating(6).build(), traveller).getProblem().getStatus())
                .isEqualTo(400);
        assertThat(tripsQuery.reviews(setup.tripId(), new PageResponse.PageRequest(0, 20)))
                .satisfies(page -> {
                    assertThat(page.totalItems()).isEqualTo(1);
                    assertThat(page.averageRating()).isEqualTo(4.0);
                });
        JsonNode answer = JsonMapper.builder().build().readTree(first.getSucceeded().getBody().toByteArray());
        ReviewId posted = new ReviewId(UUID.fromString(answer.get("id").asString()));
        ReviewView stored = tripsQuery.review(setup.tripId(), posted);
        assertThat(stored.rating()).isEqualTo(4);
        assertThat(stored.createdAt()).as("the answer reads as the stored review")
                .isEqualTo(Instant.parse(answer.get("createdAt").asString()));
        assertThatThrownBy(() -> tripsQuery.review(catalog.trip(2, 0, 1).tripId(), posted))
                .as("a review is found under its own trip only").isInstanceOf(DomainProblem.class);
    }

    private CommandReply postReview(PostReview review, UUID user) throws Exception {
        return commands.request("requests.train.PostReview", review,
                new CommandClient.Caller(user, List.of("USER"), null, null), Duration.ofSeconds(10)).get();
    }
}
