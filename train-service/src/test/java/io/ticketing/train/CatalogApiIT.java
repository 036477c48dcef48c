package io.ticketing.train;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.nats.client.Connection;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.ticketing.platform.command.CommandClient;
import io.ticketing.platform.command.CommandClient.Caller;
import io.ticketing.platform.messaging.MessageHeaders;
import io.ticketing.platform.test.ServiceIntegrationTest;
import io.ticketing.proto.commands.v1.CommandReply;
import io.ticketing.proto.commands.v1.CreateCity;
import io.ticketing.proto.commands.v1.CreateStation;
import io.ticketing.proto.commands.v1.CreateTrain;
import io.ticketing.proto.commands.v1.Fare;
import io.ticketing.proto.commands.v1.ScheduleTrip;
import io.ticketing.proto.commands.v1.StopPlan;
import io.ticketing.proto.commands.v1.WagonPlan;
import io.ticketing.proto.common.v1.Money;
import io.ticketing.proto.common.v1.SeatClass;
import io.ticketing.train.application.port.in.CityView;
import io.ticketing.train.application.port.in.CreateTrainCommand;
import io.ticketing.train.application.port.in.ReserveSeatCommand;
import io.ticketing.train.application.port.in.ReserveSeatUseCase;
import io.ticketing.train.application.port.in.StationView;
import io.ticketing.train.application.port.in.TripView;
import io.ticketing.train.domain.model.TicketId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The catalog as the gateway sees it: admin writes as request-reply commands over real NATS (replies and
 * problems), public reads over HTTP.
 */
@ServiceIntegrationTest
class CatalogApiIT {

    private static final Caller ADMIN = new Caller(UUID.randomUUID(), List.of("USER", "ADMIN"), null, null);
    /** Departure of the trips scheduled here, away from the fixture's. */
    private static final Instant DEPARTURE = CatalogFixture.DEPARTURE.plus(Duration.ofDays(80));

    @Autowired
    ApplicationContext context;
    @Autowired
    CommandClient commands;
    @Autowired
    JsonMapper json;
    @Autowired
    ReserveSeatUseCase reserve;
    @LocalServerPort
    int port;

    CatalogFixture catalog;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void fixture() {
        catalog = new CatalogFixture(context);
    }

    private CommandReply send(String name, Message command, Caller caller) throws Exception {
        return commands.request("requests.train." + name, command, caller, Duration.ofSeconds(10)).get();
    }

    private JsonNode succeeded(CommandReply reply) {
        assertThat(reply.hasSucceeded()).as("reply %s", reply).isTrue();
        return json.readTree(reply.getSucceeded().getBody().toByteArray());
    }

    private record Got(int status, String contentType, JsonNode body) {
    }

    private Got get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Got(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                json.readTree(response.body()));
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).build();
    }

    @Test
    void createsCitiesAndStationsAndListsThem() throws Exception {
        String name = CatalogFixture.unique("Lyon");
        JsonNode city = succeeded(send("CreateCity",
                CreateCity.newBuilder().setName(name).setCountry("France").build(), ADMIN));
        assertThat(city.get("name").asString()).isEqualTo(name);
        assertThat(city.get("country").asString()).isEqualTo("France");
        String cityId = city.get("id").asString();

        String code = CatalogFixture.unique("LY").substring(0, 8);
        JsonNode station = succeeded(send("CreateStation", CreateStation.newBuilder().setName("Part-Dieu")
                .setCityId(cityId).setCode(code.toLowerCase()).build(), ADMIN));
        assertThat(station.get("code").asString()).isEqualTo(code);
        assertThat(station.get("cityName").asString()).isEqualTo(name);

        Got cities = get("/api/v1/cities?q=" + name.substring(0, 10).toLowerCase());
        assertThat(cities.status()).isEqualTo(200);
        assertThat(cities.body().get("totalItems").asLong()).isEqualTo(1);
        assertThat(cities.body().get("items").get(0).get("id").asString()).isEqualTo(cityId);
        Got stations = get("/api/v1/stations?cityId=" + cityId);
        assertThat(stations.body().get("items").get(0).get("name").asString()).isEqualTo("Part-Dieu");
        assertThat(stations.body().get("page").asInt()).isZero();
        assertThat(stations.body().get("size").asInt()).isEqualTo(20);

        // where the gateway's 201 Location points
        assertThat(get("/api/v1/cities/" + cityId).body()).isEqualTo(city);
        assertThat(get("/api/v1/stations/" + station.get("id").asString()).body()).isEqualTo(station);
        assertThat(get("/api/v1/cities/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(get("/api/v1/stations/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void refusesBadCatalogCommandsWithProblems() throws Exception {
        CommandReply invalid = send("CreateCity", CreateCity.newBuilder().setName(" ").setCountry("X").build(), ADMIN);
        assertThat(invalid.getProblem().getStatus()).isEqualTo(400);
        assertThat(invalid.getProblem().getErrorsList()).extracting(e -> e.getField())
                .containsExactlyInAnyOrder("name", "country");

        CommandReply unknownCity = send("CreateStation", CreateStation.newBuilder().setName("Nowhere")
                .setCityId(UUID.randomUUID().toString()).setCode("NOWHERE").build(), ADMIN);
        assertThat(unknownCity.getProblem().getStatus()).isEqualTo(404);

        var city = catalog.city();
        var station = catalog.station(city);
        CommandReply takenCode = send("CreateStation", CreateStation.newBuilder().setName("Again")
                .setCityId(city.id().toString()).setCode(station.code()).build(), ADMIN);
        assertThat(takenCode.getProblem().getStatus()).isEqualTo(409);
        assertThat(takenCode.getProblem().getType()).isEqualTo("urn:problem:ticketing:station-code-taken");

        CommandReply notAdmin = send("CreateCity", CreateCity.newBuilder().setName("Rome").setCountry("Italy").build(),
                new Caller(UUID.randomUUID(), List.of("USER"), null, null));
        assertThat(notAdmin.getProblem().getStatus()).isEqualTo(403);
        CommandReply anonymous = send("CreateCity", CreateCity.newBuilder().setName("Rome").setCountry("Italy")
                .build(), new Caller(null, List.of(), null, null));
        assertThat(anonymous.getProblem().getStatus()).isEqualTo(401);
    }

    @Test
    void createsTrainsWithGeneratedSeats() throws Exception {
        String number = CatalogFixture.unique("ICE");
        CreateTrain command = CreateTrain.newBuilder().setNumber(number).setName("Rhine")
                .addWagons(WagonPlan.newBuilder().setNumber(1).setSeatClass(SeatClass.SEAT_CLASS_FIRST).setSeats(2))
                .addWagons(WagonPlan.newBuilder().setNumber(3).setSeatClass(SeatClass.SEAT_CLASS_SECOND).setSeats(12))
                .build();

        JsonNode train = succeeded(send("CreateTrain", command, ADMIN));
        assertThat(train.get("wagons")).hasSize(2);
        JsonNode lastSeat = train.get("wagons").get(1).get("seats").get(11);
        assertThat(lastSeat.get("number").asString()).isEqualTo("3-12");
        assertThat(lastSeat.get("seatNumber").asString()).as("API.md's name").isEqualTo("3-12");
        assertThat(lastSeat.get("wagon").asInt()).isEqualTo(3);
        assertThat(lastSeat.get("seatClass").asString()).isEqualTo("SECOND");

        assertThat(send("CreateTrain", command, ADMIN).getProblem().getStatus()).isEqualTo(409);
        assertThat(send("CreateTrain", command.toBuilder().setNumber(CatalogFixture.unique("X"))
                .setWagons(0, WagonPlan.newBuilder().setNumber(1).setSeats(0)).build(), ADMIN)
                .getProblem().getErrorsList()).extracting(e -> e.getField())
                .containsExactlyInAnyOrder("wagons[0].seatClass", "wagons[0].seats");

        Got got = get("/api/v1/trains/" + train.get("id").asString());
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(train);
    }

    @Test
    void schedulesTripsAndEnforcesTheirRules() throws Exception {
        var train = catalog.train(List.of(new CreateTrainCommand.Wagon(1,
                io.ticketing.train.domain.model.SeatClass.SECOND, 10)));
        var a = catalog.station(catalog.city());
        var b = catalog.station(catalog.city());
        var c = catalog.station(catalog.city());
        Instant t0 = DEPARTURE;
        ScheduleTrip trip = ScheduleTrip.newBuilder().setTrainId(train.id().toString())
                .addStops(StopPlan.newBuilder().setStationId(a.id().toString()).setDeparture(at(t0)))
                .addStops(StopPlan.newBuilder().setStationId(b.id().toString()).setArrival(at(t0.plusSeconds(3600)))
                        .setDeparture(at(t0.plusSeconds(3900))))
                .addStops(StopPlan.newBuilder().setStationId(c.id().toString()).setArrival(at(t0.plusSeconds(7200))))
                .addFares(Fare.newBuilder().setSeatClass(SeatClass.SEAT_CLASS_SECOND)
                        .setPerSegment(Money.newBuilder().setAmount("9.90").setCurrency("EUR")))
                .build();

        JsonNode scheduled = succeeded(send("ScheduleTrip", trip, ADMIN));
        assertThat(scheduled.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(scheduled.get("trainNumber").asString()).isEqualTo(train.number());
        assertThat(scheduled.get("stops")).hasSize(3);
        assertThat(scheduled.get("stops").get(0).get("departure").asString()).isEqualTo(DEPARTURE.toString());
        assertThat(scheduled.get("stops").get(0).get("arrival").isNull()).isTrue();
        assertThat(scheduled.get("stops").get(2).get("stationName").asString()).isEqualTo(c.name());
        assertThat(scheduled.get("fares").get("SECOND").get("amount").asString()).isEqualTo("9.90");
        assertThat(get("/api/v1/trips/" + scheduled.get("id").asString()).body()).isEqualTo(scheduled);

        // the same train an hour later overlaps the first trip
        ScheduleTrip overlapping = trip.toBuilder()
                .setStops(0, trip.getStops(0).toBuilder().setDeparture(at(t0.plusSeconds(3600))))
                .setStops(1, trip.getStops(1).toBuilder().setArrival(at(t0.plusSeconds(5000)))
                        .setDeparture(at(t0.plusSeconds(5100))))
                .build();
        assertProblem(send("ScheduleTrip", overlapping, ADMIN), 422, "urn:problem:ticketing:train-busy");

        ScheduleTrip backwards = trip.toBuilder()
                .setStops(1, trip.getStops(1).toBuilder().setArrival(at(t0.minusSeconds(60)))).build();
        assertProblem(send("ScheduleTrip", backwards, ADMIN), 422, "urn:problem:ticketing:times-not-increasing");

        ScheduleTrip twice = trip.toBuilder()
                .setStops(2, trip.getStops(2).toBuilder().setStationId(a.id().toString())).build();
        assertProblem(send("ScheduleTrip", twice, ADMIN), 422, "urn:problem:ticketing:station-twice");

        ScheduleTrip unknownStation = trip.toBuilder()
                .setStops(1, trip.getStops(1).toBuilder().setStationId(UUID.randomUUID().toString())).build();
        assertProblem(send("ScheduleTrip", unknownStation, ADMIN), 404, "urn:problem:ticketing:not-found");

        ScheduleTrip malformed = trip.toBuilder().clearFares().setStops(0, trip.getStops(0).toBuilder()
                .setArrival(at(t0))).build();
        CommandReply reply = send("ScheduleTrip", malformed, ADMIN);
        assertProblem(reply, 400, "urn:problem:ticketing:invalid-input");
        assertThat(reply.getProblem().getErrorsList()).extracting(e -> e.getField())
                .containsExactlyInAnyOrder("fares", "stops[0].arrival");
    }

    private static void assertProblem(CommandReply reply, int status, String type) {
        assertThat(reply.hasProblem()).as("reply %s", reply).isTrue();
        assertThat(reply.getProblem().getStatus()).isEqualTo(status);
        assertThat(reply.getProblem().getType()).isEqualTo(type);
    }

    @Test
    void searchFindsTheSegmentWithPricesAndFreeSeatsPerClass() throws Exception {
        CatalogFixture.Setup setup = catalog.trip(4, 2, 3);
        // seat 2-1 sold for stops 0->1 (before the searched segment), 2-2 for 1->3 (overlapping it)
        reserve.reserveSeat(new ReserveSeatCommand(new TicketId(UUID.randomUUID()), setup.tripId(), setup.station(0),
                setup.station(1), setup.seat("2-1"), null));
        reserve.reserveSeat(new ReserveSeatCommand(new TicketId(UUID.randomUUID()), setup.tripId(), setup.station(1),
                setup.station(3), setup.seat("2-2"), null));
        LocalDate day = CatalogFixture.DEPARTURE.plusSeconds(70 * 60).atZone(ZoneOffset.UTC).toLocalDate();

        Got found = get("/api/v1/trips?from=" + setup.cities().get(1).id() + "&to=" + setup.cities().get(2).id()
                + "&date=" + day);

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("totalItems").asLong()).isEqualTo(1);
        JsonNode result = found.body().get("items").get(0);
        assertThat(result.get("id").asString()).isEqualTo(setup.trip().id().toString());
        assertThat(result.get("trainNumber").asString()).isEqualTo(setup.train().number());
        assertThat(result.get("fromStation").get("name").asString()).isEqualTo(setup.stations().get(1).name());
        assertThat(result.get("toStation").get("id").asString()).isEqualTo(setup.station(2).toString());
        assertThat(result.get("departure").asString())
                .isEqualTo(CatalogFixture.DEPARTURE.plus(Duration.ofMinutes(70)).toString());
        assertThat(result.get("arrival").asString())
                .isEqualTo(CatalogFixture.DEPARTURE.plus(Duration.ofMinutes(130)).toString());
        assertThat(result.get("durationMinutes").asLong()).isEqualTo(60);
        JsonNode first = result.get("classes").get(0);
        JsonNode second = result.get("classes").get(1);
        assertThat(first.get("seatClass").asString()).isEqualTo("FIRST");
        assertThat(first.get("price").get("amount").asString()).isEqualTo("20.00");
        assertThat(first.get("freeSeats").asLong()).isEqualTo(2);
        assertThat(second.get("price").get("amount").asString()).isEqualTo("12.50");
        assertThat(second.get("freeSeats").asLong()).isEqualTo(2);

        Got seats = get("/api/v1/trips/" + setup.trip().id() + "/seats?from=" + setup.station(1) + "&to="
                + setup.station(2));
        assertThat(seats.body()).hasSize(5);
        assertThat(seats.body().get(2).get("number").asString()).isEqualTo("2-1");
        assertThat(seats.body().get(2).get("free").asBoolean()).isTrue();
        assertThat(seats.body().get(3).get("free").asBoolean()).isFalse();

        Got otherDay = get("/api/v1/trips?from=" + setup.cities().get(1).id() + "&to=" + setup.cities().get(2).id()
                + "&date=" + day.plusDays(1));
        assertThat(otherDay.body().get("totalItems").asLong()).isZero();
        Got backwards = get("/api/v1/trips?from=" + setup.cities().get(2).id() + "&to=" + setup.cities().get(1).id()
                + "&date=" + day);
        assertThat(backwards.body().get("items")).isEmpty();
    }

    @Test
    void aTripCallingAtTwoStationsOfEachCityIsOfferedOnceForItsShortestRide() throws Exception {
        CityView berlin = catalog.city();
        CityView hamburg = catalog.city();
        List<StationView> calls = List.of(catalog.station(berlin), catalog.station(berlin), catalog.station(hamburg),
                catalog.station(hamburg));
        TripView trip = catalog.tripThrough(calls);
        LocalDate day = CatalogFixture.DEPARTURE.atZone(ZoneOffset.UTC).toLocalDate();

        Got found = get("/api/v1/trips?from=" + berlin.id() + "&to=" + hamburg.id() + "&date=" + day);

        assertThat(found.body().get("totalItems").asLong()).isEqualTo(1);
        JsonNode offer = found.body().get("items").get(0);
        assertThat(offer.get("id").asString()).isEqualTo(trip.id().toString());
        assertThat(offer.get("fromStation").get("id").asString()).isEqualTo(calls.get(1).id().toString());
        assertThat(offer.get("toStation").get("id").asString()).isEqualTo(calls.get(2).id().toString());
        assertThat(offer.get("classes").get(0).get("price").get("amount").asString()).isEqualTo("12.50");
    }

    @Test
    void aSeatSoldOnTwoLegsOfTheSearchedSegmentIsOneSeatLess() throws Exception {
        CatalogFixture.Setup setup = catalog.trip(3, 0, 2);
        for (int leg = 0; leg < 2; leg++) {
            reserve.reserveSeat(new ReserveSeatCommand(new TicketId(UUID.randomUUID()), setup.tripId(),
                    setup.station(leg), setup.station(leg + 1), setup.seat("2-1"), null));
        }
        LocalDate day = CatalogFixture.DEPARTURE.atZone(ZoneOffset.UTC).toLocalDate();

        Got found = get("/api/v1/trips?from=" + setup.cities().get(0).id() + "&to=" + setup.cities().get(2).id()
                + "&date=" + day);

        assertThat(found.body().at("/items/0/classes/0/freeSeats").asLong()).isEqualTo(1);
    }

    @Test
    void aRequestWhoseSenderStoppedWaitingIsNotCarriedOut() throws Exception {
        String name = CatalogFixture.unique("Late");
        Headers headers = new Headers()
                .put(MessageHeaders.USER_ID, ADMIN.userId().toString())
                .put(MessageHeaders.ROLES, "USER,ADMIN")
                .put(MessageHeaders.DEADLINE, String.valueOf(System.currentTimeMillis() - 1));
        Connection nats = context.getBean(Connection.class);

        CompletableFuture<io.nats.client.Message> reply = nats.requestWithTimeout(NatsMessage.builder()
                .subject("requests.train.CreateCity").headers(headers)
                .data(CreateCity.newBuilder().setName(name).setCountry("Spain").build().toByteArray()).build(),
                Duration.ofSeconds(2));

        assertThat(catchThrowable(reply::join)).as("no reply").isNotNull();
        assertThat(get("/api/v1/cities?q=" + name.toLowerCase()).body().get("totalItems").asLong())
                .as("the city was not created").isZero();
        assertThat(succeeded(send("CreateCity", CreateCity.newBuilder().setName(name).setCountry("Spain").build(),
                ADMIN)).get("name").asString()).as("in time, it is").isEqualTo(name);
    }

    @Test
    void answersBadReadsWithProblems() throws Exception {
        CatalogFixture.Setup setup = catalog.trip(2, 0, 1);

        Got unknown = get("/api/v1/trips/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(get("/api/v1/trips/not-a-uuid").status()).isEqualTo(400);
        assertThat(get("/api/v1/cities?size=101").status()).isEqualTo(400);
        assertThat(get("/api/v1/trips?from=" + UUID.randomUUID() + "&date=" + LocalDate.now()).status()).isEqualTo(400);
        String twoCities = "/api/v1/trips?from=" + UUID.randomUUID() + "&to=" + UUID.randomUUID();
        for (String day : new String[] {"%2B999999999-12-31", "-999999999-01-01", "%2B300000-01-01", "1969-12-31"}) {
            Got outOfRange = get(twoCities + "&date=" + day);
            assertThat(outOfRange.status()).as(day).isEqualTo(400);
            assertThat(outOfRange.body().at("/errors/0/field").asText()).isEqualTo("date");
        }
        assertThat(get("/api/v1/cities?q=a%00b").status()).isEqualTo(400);
        // Tomcat cannot decode these; refused before it raises an error of its own
        for (String undecodable : new String[] {"q=%FF", "q=%C0%AE", "page=%FF"}) {
            Got refused = get("/api/v1/cities?" + undecodable);
            assertThat(refused.status()).as(undecodable).isEqualTo(400);
            assertThat(refused.body().get("type").asString()).isEqualTo("urn:problem:ticketing:invalid-input");
        }
        // framework errors carry our problem type too
        for (String path : new String[] {"/api/v1/trips/not-a-uuid", "/api/v1/trips", "/api/v1/cities?page=abc"}) {
            assertThat(get(path).body().get("type").asString()).as(path)
                    .isEqualTo("urn:problem:ticketing:invalid-input");
        }
        Got wrongWay = get("/api/v1/trips/" + setup.trip().id() + "/seats?from=" + setup.station(1) + "&to="
                + setup.station(0));
        assertThat(wrongWay.status()).isEqualTo(422);
        assertThat(get("/api/v1/trips/" + UUID.randomUUID() + "/reviews").status()).isEqualTo(404);
        assertThat(get("/api/v1/trips/" + setup.trip().id() + "/reviews/" + UUID.randomUUID()).status())
                .isEqualTo(404);
        Got reviews = get("/api/v1/trips/" + setup.trip().id() + "/reviews");
        assertThat(reviews.status()).isEqualTo(200);
        assertThat(reviews.body().get("totalItems").asLong()).isZero();
        assertThat(reviews.body().get("averageRating").isNull()).isTrue();
    }
}
