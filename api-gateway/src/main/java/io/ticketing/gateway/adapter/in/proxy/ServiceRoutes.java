package io.ticketing.gateway.adapter.in.proxy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.ticketing.gateway.config.ServiceUrls;
import io.ticketing.platform.tracing.Correlation;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads, login and refresh go to the owning service over HTTP, unchanged apart from the edge filter's work
 * (identity headers stripped, correlation and trace added). Routes match by method, so POST/DELETE on the same
 * paths fall through to the gateway's command endpoints. Reads are routed for HEAD too (RFC 9110: HEAD wherever
 * GET is served) and reach the service as HEAD, so it answers GET's status and headers without building a body.
 * Each service's OpenAPI is republished at {@code /v3/api-docs/<service>} with the gateway as its server, so
 * "try it out" goes through the gateway; the merged {@code /v3/api-docs} is put together from these.
 * Every route addresses a service by id ({@code lb://ticket-service}): each request goes to one healthy replica.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    private static final HttpMethod[] READ = {HttpMethod.GET, HttpMethod.HEAD};
    private static final String NOTIFICATION_STREAM = "/api/v1/notifications/stream";

    @Bean
    RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, JsonMapper json) {
        URI user = ServiceUrls.balanced(ServiceUrls.USER);
        URI train = ServiceUrls.balanced(ServiceUrls.TRAIN);
        URI ticket = ServiceUrls.balanced(ServiceUrls.TICKET);
        URI notification = ServiceUrls.balanced(ServiceUrls.NOTIFICATION);
        RouteLocatorBuilder.Builder routes = builder.routes()
                // server-sent events: no response timeout, the stream stays open
                .route("notification-stream", r -> r.order(-1).method(HttpMethod.GET).and().path(NOTIFICATION_STREAM)
                        .filters(ServiceRoutes::retryOnAnotherReplica)
                        .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1L)
                        .uri(notification))
                // no HEAD for the stream: the service would keep streaming into the void after the headers, and the
                // pooled connection, already handed to the next request, would hang until the stream times out
                .route("notification-reads", r -> r.method(READ).and().path("/api/v1/notifications/**")
                        .and().not(p -> p.path(NOTIFICATION_STREAM))
                        .filters(ServiceRoutes::retryOnAnotherReplica)
                        .uri(notification))
                .route("catalog-reads", r -> r.method(READ).and()
                        .path("/api/v1/cities/**", "/api/v1/stations/**", "/api/v1/trains/**", "/api/v1/trips/**")
                        .filters(ServiceRoutes::retryOnAnotherReplica)
                        .uri(train))
                .route("ticket-reads", r -> r.method(READ).and().path("/api/v1/tickets/**")
                        .filters(ServiceRoutes::retryOnAnotherReplica)
                        .uri(ticket))
                .route("user-reads", r -> r.method(READ).and()
                        .path("/api/v1/users/me", "/.well-known/jwks.json")
                        .filters(ServiceRoutes::retryOnAnotherReplica)
                        .uri(user))
                // a login is safe to send twice: sent again like a read when the connection fails (at worst a
                // failed attempt whose answer was lost counts twice towards the login throttle)
                .route("user-login", r -> r.method(HttpMethod.POST).and().path("/api/v1/auth/login")
                        .filters(f -> retryOnAnotherReplica(f, IOException.class, HttpMethod.POST))
                        .uri(user))
                // a refresh token is single-use: sent again only when the connection was never made, since a request
                // lost later may have spent it
                .route("user-refresh", r -> r.method(HttpMethod.POST).and().path("/api/v1/auth/refresh")
                        .filters(f -> retryOnAnotherReplica(f, ConnectException.class, HttpMethod.POST))
                        .uri(user));
        for (Map.Entry<String, URI> service : Map.of("user", user, "train", train, "ticket", ticket,
                "notification", notification).entrySet()) {
            routes.route(service.getKey() + "-api-docs", r -> r.method(READ).and()
                    .path("/v3/api-docs/" + service.getKey())
                    .filters(f -> retryOnAnotherReplica(f).setPath("/v3/api-docs")
                            // the rewritten spec's length is known only from its body, so a HEAD fetches it with GET
                            // and the server drops the body after counting it for Content-Length
                            .filter((exchange, chain) -> chain.filter(exchange.mutate()
                                    .request(request -> request.method(HttpMethod.GET)).build()))
                            .modifyResponseBody(String.class, String.class,
                                    (exchange, body) -> Mono.justOrEmpty(throughGateway(json, body))))
                    .uri(service.getValue()));
        }
        return routes.build();
    }

    /**
     * The services echo the correlation id the edge filter gave them, and the edge filter has set it on the answer
     * already: without this the client would get the header twice.
     */
    @Bean
    HttpHeadersFilter correlationIdAnsweredOnce() {
        return new HttpHeadersFilter() {
            @Override
            public HttpHeaders filter(HttpHeaders fromService, ServerWebExchange exchange) {
                if (!fromService.containsHeader(Correlation.HTTP_HEADER)) {
                    return fromService;
                }
                HttpHeaders headers = new HttpHeaders();
                headers.addAll(fromService);
                headers.remove(Correlation.HTTP_HEADER);
                return headers;
            }

            @Override
            public boolean supports(Type type) {
                return type == Type.RESPONSE;
            }
        };
    }

    /**
     * A read that fails on the connection (replica killed, refused, reset before the answer) is sent again; the
     * load balancer picks the next healthy replica. Reads are idempotent, so a second attempt is harmless.
     */
    static GatewayFilterSpec retryOnAnotherReplica(GatewayFilterSpec filters) {
        return retryOnAnotherReplica(filters, IOException.class, READ);
    }

    private static GatewayFilterSpec retryOnAnotherReplica(GatewayFilterSpec filters,
            Class<? extends IOException> failure, HttpMethod... methods) {
        return filters.retry(retry -> retry.setRetries(2)
                .setMethods(methods)
                .setSeries()
                .setExceptions(failure)
                .setBackoff(Duration.ofMillis(50), Duration.ofMillis(500), 2, false));
    }

    /** The service's spec names its own address as server; through the gateway it is the gateway's. */
    static String throughGateway(JsonMapper json, String spec) {
        try {
            JsonNode root = json.readTree(spec);
            if (root instanceof ObjectNode object) {
                object.set("servers", json.valueToTree(List.of(Map.of("url", "/", "description", "API gateway"))));
                return json.writeValueAsString(object);
            }
        } catch (RuntimeException e) {
            // not JSON (an error page): hand it on unchanged
        }
        return spec;
    }
}
