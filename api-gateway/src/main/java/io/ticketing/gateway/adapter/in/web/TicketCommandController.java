package io.ticketing.gateway.adapter.in.web;

import java.net.URI;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.ticketing.gateway.application.port.in.BookTicketCommand;
import io.ticketing.gateway.application.port.in.BookTicketUseCase;
import io.ticketing.gateway.application.port.in.CancelTicketCommand;
import io.ticketing.gateway.application.port.in.CancelTicketUseCase;
import io.ticketing.gateway.application.port.in.TicketAccepted;
import io.ticketing.gateway.domain.BookingRequest;
import io.ticketing.gateway.domain.SeatClass;
import io.ticketing.gateway.domain.TicketStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Tickets",
        description = "Durable commands to ticket-service, answered 202; follow the Location for the outcome")
class TicketCommandController {

    record BookTicketRequest(@NotNull UUID tripId, @NotNull UUID fromStationId, @NotNull UUID toStationId,
            @Nullable UUID seatId, @Nullable SeatClass seatClass,
            @NotBlank @Size(max = BookingRequest.MAX_PASSENGER_NAME_LENGTH)
            @Pattern(regexp = "\\P{Cc}*", message = "must not contain control characters") String passengerName) {

        BookingRequest toBooking() {
            return new BookingRequest(tripId, fromStationId, toStationId, seatId, seatClass, passengerName.trim());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TicketAcceptedResponse(UUID id, @Nullable TicketStatus status) {

        static TicketAcceptedResponse of(TicketAccepted accepted) {
            return new TicketAcceptedResponse(accepted.id(), accepted.status());
        }
    }

    private final BookTicketUseCase book;
    private final CancelTicketUseCase cancel;

    TicketCommandController(BookTicketUseCase book, CancelTicketUseCase cancel) {
        this.book = book;
        this.cancel = cancel;
    }

    @Operation(summary = "Book a seat (seatId) or a class (seatClass) on a trip segment (USER)",
            description = "Accepted even while ticket-service is down. The same Idempotency-Key with the same body "
                    + "answers the same ticket; with another body 422.")
    @ApiResponse(responseCode = "202", description = "{id, status: PENDING}; Location is the ticket")
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another booking")
    @PostMapping(path = "/api/v1/tickets", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TicketAcceptedResponse>> book(
            @Parameter(description = "Client-chosen key, at most 100 characters; retries reuse it", required = true)
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody BookTicketRequest body, ServerWebExchange exchange) {
        BookingRequest.checkIdempotencyKey(idempotencyKey);
        BookingRequest booking = body.toBooking();
        return Callers.requester(exchange)
                .flatMap(requester -> book.book(new BookTicketCommand(requester, idempotencyKey, booking)))
                .map(TicketCommandController::accepted);
    }

    @Operation(summary = "Cancel your ticket before departure (owner or ADMIN)")
    @ApiResponse(responseCode = "202", description = "{id, status}: the cancellation is on its way")
    @ApiResponse(responseCode = "404", description = "No such ticket of yours")
    @ApiResponse(responseCode = "409", description = "The ticket is already final")
    @ApiResponse(responseCode = "422", description = "The train has departed")
    @DeleteMapping(path = "/api/v1/tickets/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TicketAcceptedResponse>> cancel(@PathVariable UUID id, ServerWebExchange exchange) {
        return Callers.requester(exchange)
                .flatMap(requester -> cancel.cancel(new CancelTicketCommand(requester, id)))
                .map(TicketCommandController::accepted);
    }

    private static ResponseEntity<TicketAcceptedResponse> accepted(TicketAccepted accepted) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/tickets/" + accepted.id()))
                .body(TicketAcceptedResponse.of(accepted));
    }
}
