package io.ticketing.gateway.adapter.in.web;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

import com.google.protobuf.Message;
import io.ticketing.gateway.config.GatewayProperties;
import io.ticketing.platform.command.CommandClient;
import io.ticketing.platform.error.ProblemKind;
import io.ticketing.proto.commands.v1.CommandReply;
import io.ticketing.proto.commands.v1.CommandSucceeded;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sends a request-reply command for the caller and turns the reply into the HTTP answer: the service's JSON with
 * the documented success status, or its problem with the problem's status. Nobody answering within the timeout
 * (service down, no responder) is 503 with Retry-After.
 */
@Component
class RequestReply {

    private final CommandClient commands;
    private final Duration timeout;

    RequestReply(CommandClient commands, GatewayProperties properties) {
        this.commands = commands;
        this.timeout = properties.commandTimeout();
    }

    /** 201 with Location built from the created resource's id. */
    Mono<ResponseEntity<byte[]>> created(String subject, Message command, ServerWebExchange exchange,
            Function<String, String> location) {
        return send(subject, command, exchange).map(ok -> ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(location.apply(ok.getResourceId())))
                .contentType(MediaType.APPLICATION_JSON)
                .body(ok.getBody().toByteArray()));
    }

    Mono<ResponseEntity<byte[]>> ok(String subject, Message command, ServerWebExchange exchange) {
        return send(subject, command, exchange).map(ok -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(ok.getBody().toByteArray()));
    }

    Mono<ResponseEntity<Void>> noContent(String subject, Message command, ServerWebExchange exchange) {
        return send(subject, command, exchange).map(ok -> ResponseEntity.noContent().build());
    }

    private Mono<CommandSucceeded> send(String subject, Message command, ServerWebExchange exchange) {
        return Callers.caller(exchange)
                .flatMap(caller -> Mono
                        .defer(() -> Mono.fromFuture(commands.request(subject, command, caller, timeout)))
                        .onErrorMap(e -> !(e instanceof HttpProblem),
                                e -> HttpProblem.of(ProblemKind.UNAVAILABLE, "The service did not answer in time")))
                .map(RequestReply::succeeded);
    }

    private static CommandSucceeded succeeded(CommandReply reply) {
        return switch (reply.getOutcomeCase()) {
            case SUCCEEDED -> reply.getSucceeded();
            case PROBLEM -> throw HttpProblem.fromReply(reply.getProblem());
            case OUTCOME_NOT_SET -> throw HttpProblem.of(ProblemKind.INTERNAL, "The service sent an empty reply");
        };
    }
}
