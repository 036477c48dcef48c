package io.ticketing.gateway.adapter.out.ticket;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.ticketing.gateway.application.port.in.Requester;
import io.ticketing.gateway.application.port.out.TicketLookup;
import io.ticketing.gateway.application.port.out.TicketLookupPort;
import io.ticketing.gateway.config.GatewayProperties;
import io.ticketing.gateway.config.ServiceUrls;
import io.ticketing.gateway.domain.TicketSnapshot;
import io.ticketing.gateway.domain.TicketStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/tickets/{id} on a ticket-service replica with the caller's own token, so ownership is enforced there. */
@Component
class TicketLookupHttpAdapter implements TicketLookupPort {

    static final String REQUEST_HASH_HEADER = "Idempotency-Request-Hash";
    private static final Logger log = LoggerFactory.getLogger(TicketLookupHttpAdapter.class);

    private final WebClient client;
    private final GatewayProperties properties;

    TicketLookupHttpAdapter(ObjectProvider<WebClient.Builder> builder, LoadBalancedExchangeFilterFunction balancer,
            GatewayProperties properties) {
        // http://ticket-service: the balancer picks a healthy replica per call, and retries a GET on another one
        // when the connection fails
        this.client = builder.getIfAvailable(WebClient::builder).baseUrl("http://" + ServiceUrls.TICKET)
                .filter(balancer).build();
        this.properties = properties;
    }

    @Override
    public Mono<TicketLookup> find(UUID ticketId, Requester requester) {
        return client.get().uri("/api/v1/tickets/{id}", ticketId)
                .accept(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + requester.bearerToken())
                .header("X-Correlation-Id", requester.correlationId())
                .header("traceparent", requester.traceparent())
                .exchangeToMono(response -> read(ticketId, response))
                .timeout(properties.ticketLookupTimeout())
                .onErrorResume(e -> {
                    log.info("ticket-service pre-check for {} failed ({}); deciding without it", ticketId, e.toString());
                    return Mono.just(new TicketLookup.Unknown(e.toString()));
                });
    }

    private static Mono<TicketLookup> read(UUID ticketId, ClientResponse response) {
        if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
            return response.releaseBody().thenReturn(new TicketLookup.Missing());
        }
        if (!response.statusCode().is2xxSuccessful()) {
            return response.releaseBody().thenReturn(new TicketLookup.Unknown("HTTP " + response.statusCode().value()));
        }
        String hash = response.headers().asHttpHeaders().getFirst(REQUEST_HASH_HEADER);
        return response.bodyToMono(JsonNode.class)
                .map(body -> snapshot(ticketId, body, hash))
                .defaultIfEmpty(new TicketLookup.Unknown("empty body"));
    }

    private static TicketLookup snapshot(UUID ticketId, JsonNode body, @Nullable String hash) {
        TicketStatus status;
        try {
            status = TicketStatus.valueOf(body.path("status").asString(""));
        } catch (IllegalArgumentException e) {
            return new TicketLookup.Unknown("unknown status " + body.path("status"));
        }
        return new TicketLookup.Found(new TicketSnapshot(ticketId, status, hash,
                instant(body.path("from").path("departure").asString(""))));
    }

    private static @Nullable Instant instant(String value) {
        try {
            return value.isEmpty() ? null : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
