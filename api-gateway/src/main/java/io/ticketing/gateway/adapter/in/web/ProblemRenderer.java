package io.ticketing.gateway.adapter.in.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.ticketing.gateway.config.GatewayProperties;
import io.ticketing.platform.error.ProblemKind;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem+json: type, title, status, detail, instance and errors[] when there are field errors. */
@Component
class ProblemRenderer {

    private final JsonMapper json;
    private final Duration defaultRetryAfter;

    ProblemRenderer(JsonMapper json, GatewayProperties properties) {
        this.json = json;
        this.defaultRetryAfter = properties.retryAfter();
    }

    Mono<Void> write(ServerWebExchange exchange, ProblemKind kind, String detail) {
        return write(exchange, HttpProblem.of(kind, detail));
    }

    Mono<Void> write(ServerWebExchange exchange, HttpProblem problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(problem);
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.status));
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        Duration retryAfter = retryAfter(problem);
        if (retryAfter != null) {
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
        }
        DataBuffer buffer = response.bufferFactory().wrap(body(problem, exchange.getRequest().getPath().value()));
        return response.writeWith(Mono.just(buffer));
    }

    /** The JSON body; without {@code instance} when the request's path is not known. */
    byte[] body(HttpProblem problem, @Nullable String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type);
        body.put("title", problem.title);
        body.put("status", problem.status);
        body.put("detail", problem.detail());
        if (instance != null) {
            body.put("instance", instance);
        }
        if (problem.code != null) {
            body.put("code", problem.code);
        }
        if (!problem.errors.isEmpty()) {
            body.put("errors", problem.errors.stream()
                    .map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        }
        return json.writeValueAsBytes(body);
    }

    private @Nullable Duration retryAfter(HttpProblem problem) {
        if (problem.retryAfter != null) {
            return problem.retryAfter;
        }
        return problem.status == ProblemKind.UNAVAILABLE.status() ? defaultRetryAfter : null;
    }
}
