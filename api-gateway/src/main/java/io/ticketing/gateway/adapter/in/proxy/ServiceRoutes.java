package io.ticketing.gateway.adapter.in.proxy;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.ticketing.gateway.config.ServiceUrls;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads, login and refresh go to the owning service over HTTP, unchanged apart from the edge filter's work
 * (identity headers stripped, correlation and trace added). Routes match by method, so POST/DELETE on the same
 * paths fall through to the gateway's command endpoints. Each service's OpenAPI is republished at
 * {@code /v3/api-docs/<service>} with the gateway as its server, so "try it out" goes through the gateway.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    @Bean
    RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, ServiceUrls urls, JsonMapper json) {
        RouteLocatorBuilder.Builder routes = builder.routes()
                // server-sent events: no response timeout, the stream stays open
                .route("notification-stream", r -> r.order(-1).method(HttpMethod.GET).and()
                        .path("/api/v1/notifications/stream")
                        .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1L)
                        .uri(urls.notification()))
                .route("notification-reads", r -> r.method(HttpMethod.GET).and().path("/api/v1/notifications/**")
                        .uri(urls.notification()))
                .route("catalog-reads", r -> r.method(HttpMethod.GET).and()
                        .path("/api/v1/cities/**", "/api/v1/stations/**", "/api/v1/trains/**", "/api/v1/trips/**")
                        .uri(urls.train()))
                .route("ticket-reads", r -> r.method(HttpMethod.GET).and().path("/api/v1/tickets/**")
                        .uri(urls.ticket()))
                .route("user-reads", r -> r.method(HttpMethod.GET).and()
                        .path("/api/v1/users/me", "/.well-known/jwks.json")
                        .uri(urls.user()))
                .route("user-auth", r -> r.method(HttpMethod.POST).and()
                        .path("/api/v1/auth/login", "/api/v1/auth/refresh")
                        .uri(urls.user()));
        for (Map.Entry<String, URI> service : Map.of("user", urls.user(), "train", urls.train(), "ticket",
                urls.ticket(), "notification", urls.notification()).entrySet()) {
            routes.route(service.getKey() + "-api-docs", r -> r.method(HttpMethod.GET).and()
                    .path("/v3/api-docs/" + service.getKey())
                    .filters(f -> f.setPath("/v3/api-docs")
                            .modifyResponseBody(String.class, String.class,
                                    (exchange, body) -> Mono.justOrEmpty(throughGateway(json, body))))
                    .uri(service.getValue()));
        }
        return routes.build();
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
