package io.ticketing.gateway.adapter.in.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.protobuf.Timestamp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.ticketing.gateway.domain.SeatClass;
import io.ticketing.platform.messaging.Subjects;
import io.ticketing.proto.commands.v1.CancelTrip;
import io.ticketing.proto.commands.v1.CreateCity;
import io.ticketing.proto.commands.v1.CreateStation;
import io.ticketing.proto.commands.v1.CreateTrain;
import io.ticketing.proto.commands.v1.Fare;
import io.ticketing.proto.commands.v1.PostReview;
import io.ticketing.proto.commands.v1.ScheduleTrip;
import io.ticketing.proto.commands.v1.StopPlan;
import io.ticketing.proto.commands.v1.WagonPlan;
import io.ticketing.proto.common.v1.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Catalog", description = "Commands to train-service (reads are routed to it directly)")
class CatalogCommandController {

    record CreateCityRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 100) String country) {
    }

    record CreateStationRequest(@NotBlank @Size(max = 100) String name, @NotNull UUID cityId,
            @NotBlank @Size(max = 10) String code) {
    }

    record WagonRequest(@NotNull @Min(1) @Max(99) Integer number, @NotNull SeatClass seatClass,
            @NotNull @Min(1) @Max(200) Integer seats) {
    }

    record CreateTrainRequest(@NotBlank @Size(max = 20) String number, @NotBlank @Size(max = 100) String name,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull WagonRequest> wagons) {
    }

    record StopRequest(@NotNull UUID stationId, @Nullable OffsetDateTime arrival, @Nullable OffsetDateTime departure) {
    }

    record MoneyRequest(@NotBlank @Pattern(regexp = "\\d{1,9}(\\.\\d{1,2})?", message = "must be a decimal like 12.50")
            String amount,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency) {
    }

    record ScheduleTripRequest(@NotNull UUID trainId,
            @NotNull @Size(min = 2, max = 100) List<@Valid @NotNull StopRequest> stops,
            @NotEmpty Map<SeatClass, @Valid @NotNull MoneyRequest> fares) {
    }

    record PostReviewRequest(@NotNull @Min(1) @Max(5) Integer rating, @Nullable @Size(max = 2000) String comment) {
    }

    private final RequestReply commands;

    CatalogCommandController(RequestReply commands) {
        this.commands = commands;
    }

    @Operation(summary = "Create a city (ADMIN)")
    @ApiResponse(responseCode = "201", description = "The city {id, name, country}")
    @PostMapping(path = "/api/v1/cities", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> createCity(@Valid @RequestBody CreateCityRequest body, ServerWebExchange exchange) {
        CreateCity command = CreateCity.newBuilder().setName(body.name().trim()).setCountry(body.country().trim())
                .build();
        return commands.created(Subjects.request("train", CreateCity.class), command, exchange,
                id -> "/api/v1/cities/" + id);
    }

    @Operation(summary = "Create a station in a city (ADMIN)")
    @ApiResponse(responseCode = "201", description = "The station {id, name, code, cityId, cityName}")
    @PostMapping(path = "/api/v1/stations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> createStation(@Valid @RequestBody CreateStationRequest body,
            ServerWebExchange exchange) {
        CreateStation command = CreateStation.newBuilder().setName(body.name().trim())
                .setCityId(body.cityId().toString()).setCode(body.code().trim()).build();
        return commands.created(Subjects.request("train", CreateStation.class), command, exchange,
                id -> "/api/v1/stations/" + id);
    }

    @Operation(summary = "Create a train with its wagons; seats are generated (ADMIN)")
    @ApiResponse(responseCode = "201", description = "The train with wagons and seats")
    @PostMapping(path = "/api/v1/trains", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> createTrain(@Valid @RequestBody CreateTrainRequest body, ServerWebExchange exchange) {
        CreateTrain.Builder command = CreateTrain.newBuilder().setNumber(body.number().trim())
                .setName(body.name().trim());
        body.wagons().forEach(w -> command.addWagons(WagonPlan.newBuilder().setNumber(w.number())
                .setSeatClass(ProtoMapping.seatClass(w.seatClass())).setSeats(w.seats())));
        return commands.created(Subjects.request("train", CreateTrain.class), command.build(), exchange,
                id -> "/api/v1/trains/" + id);
    }

    @Operation(summary = "Schedule a trip: ordered stops and a fare per segment and class (ADMIN)")
    @ApiResponse(responseCode = "201", description = "The trip with its stops")
    @PostMapping(path = "/api/v1/trips", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> scheduleTrip(@Valid @RequestBody ScheduleTripRequest body,
            ServerWebExchange exchange) {
        ScheduleTrip.Builder command = ScheduleTrip.newBuilder().setTrainId(body.trainId().toString());
        for (StopRequest stop : body.stops()) {
            StopPlan.Builder plan = StopPlan.newBuilder().setStationId(stop.stationId().toString());
            if (stop.arrival() != null) {
                plan.setArrival(timestamp(stop.arrival()));
            }
            if (stop.departure() != null) {
                plan.setDeparture(timestamp(stop.departure()));
            }
            command.addStops(plan);
        }
        body.fares().forEach((seatClass, money) -> command.addFares(Fare.newBuilder()
                .setSeatClass(ProtoMapping.seatClass(seatClass))
                .setPerSegment(Money.newBuilder().setAmount(money.amount()).setCurrency(money.currency()))));
        return commands.created(Subjects.request("train", ScheduleTrip.class), command.build(), exchange,
                id -> "/api/v1/trips/" + id);
    }

    @Operation(summary = "Cancel a trip; its tickets are cancelled and their owners notified (ADMIN)")
    @ApiResponse(responseCode = "200", description = "The trip, status CANCELLED")
    @ApiResponse(responseCode = "404", description = "No such trip")
    @ApiResponse(responseCode = "422", description = "The trip has departed (TRIP_DEPARTED)")
    @DeleteMapping(path = "/api/v1/trips/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> cancelTrip(@PathVariable UUID id, ServerWebExchange exchange) {
        return commands.ok(Subjects.request("train", CancelTrip.class),
                CancelTrip.newBuilder().setTripId(id.toString()).build(), exchange);
    }

    @Operation(summary = "Review a trip you travelled on (USER with a confirmed ticket)")
    @ApiResponse(responseCode = "201", description = "The review {id, tripId, userId, rating, comment, createdAt}")
    @ApiResponse(responseCode = "403", description = "You have no confirmed ticket for this trip")
    @PostMapping(path = "/api/v1/trips/{id}/reviews", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> postReview(@PathVariable UUID id, @Valid @RequestBody PostReviewRequest body,
            ServerWebExchange exchange) {
        PostReview command = PostReview.newBuilder().setTripId(id.toString()).setRating(body.rating())
                .setComment(body.comment() == null ? "" : body.comment()).build();
        return commands.created(Subjects.request("train", PostReview.class), command, exchange,
                reviewId -> "/api/v1/trips/" + id + "/reviews/" + reviewId);
    }

    private static Timestamp timestamp(OffsetDateTime time) {
        return Timestamp.newBuilder().setSeconds(time.toEpochSecond()).setNanos(time.getNano()).build();
    }
}
