package io.ticketing.gateway.adapter.in.web;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.ticketing.gateway.application.port.in.Requester;
import io.ticketing.platform.command.CommandClient;
import io.ticketing.platform.error.ProblemKind;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The verified caller of a request, as commands carry it. Never read from client headers. */
final class Callers {

    private Callers() {
    }

    /** The authenticated caller; 401 when the request has no valid token. */
    static Mono<Requester> requester(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .map(token -> new Requester(userId(token), roles(token), correlationId(exchange),
                        traceparent(exchange)))
                .switchIfEmpty(Mono.error(
                        () -> HttpProblem.of(ProblemKind.UNAUTHORIZED, "A valid bearer token is required")));
    }

    /** The caller of a command anyone may send (register): anonymous when there is no token. */
    static Mono<CommandClient.Caller> caller(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .map(token -> new CommandClient.Caller(userId(token), roles(token), correlationId(exchange),
                        traceparent(exchange)))
                .defaultIfEmpty(new CommandClient.Caller(null, Set.of(), correlationId(exchange),
                        traceparent(exchange)));
    }

    private static UUID userId(JwtAuthenticationToken token) {
        try {
            return UUID.fromString(token.getToken().getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw HttpProblem.of(ProblemKind.UNAUTHORIZED, "The token's subject is not a user id");
        }
    }

    /** Roles only: Spring Security also grants factor authorities (FACTOR_BEARER) that are not roles. */
    private static Set<String> roles(JwtAuthenticationToken token) {
        return token.getAuthorities().stream()
                .map(a -> a.getAuthority())
                .filter(a -> a != null && a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String correlationId(ServerWebExchange exchange) {
        return exchange.getRequiredAttribute(EdgeFilter.CORRELATION_ATTR);
    }

    private static String traceparent(ServerWebExchange exchange) {
        return exchange.getRequiredAttribute(EdgeFilter.TRACEPARENT_ATTR);
    }
}
