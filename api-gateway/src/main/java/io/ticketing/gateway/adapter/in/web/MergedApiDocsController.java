package io.ticketing.gateway.adapter.in.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves {@code /v3/api-docs}: the gateway's own spec and every service's in one document ({@link OpenApiMerger}),
 * so that Swagger UI and client generators see the whole public API at once. Each spec is fetched from the gateway
 * itself, where Swagger UI lists it ({@code /v3/api-docs/<name>}): a service's then comes through its route, from
 * a healthy replica, retried on another, with the gateway as its server. A spec that does not answer with JSON
 * within two seconds is left out, and the document says which. The document is kept for 30 seconds: the docs
 * cost nothing under load, and a service that was down shows up soon after it is back.
 */
@Hidden
@RestController
class MergedApiDocsController {

    /** The gateway's first: its info, servers and security schemes are the merged document's. */
    private static final List<String> SPECS = List.of("gateway", "user", "train", "ticket", "notification");
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration KEPT_FOR = Duration.ofSeconds(30);

    private final WebClient web = WebClient.create();
    private final JsonMapper json;
    private final Environment environment;
    private final Mono<String> merged;

    MergedApiDocsController(JsonMapper json, Environment environment) {
        this.json = json;
        this.environment = environment;
        this.merged = Mono.defer(this::fetchAndMerge).cache(KEPT_FOR);
    }

    @GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<String> mergedApiDocs() {
        return merged;
    }

    private Mono<String> fetchAndMerge() {
        String docs = "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port") + "/v3/api-docs/";
        return Flux.fromIterable(SPECS)
                .flatMapSequential(name -> fetch(docs + name).map(spec -> Map.entry(name, spec)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new)
                .map(specs -> json.writeValueAsString(OpenApiMerger.merge(specs,
                        SPECS.stream().filter(name -> !specs.containsKey(name)).toList())));
    }

    private Mono<ObjectNode> fetch(String url) {
        return web.get().uri(url).accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(String.class)
                .map(json::readTree)
                .ofType(ObjectNode.class)
                .timeout(FETCH_TIMEOUT)
                .onErrorResume(e -> Mono.empty());
    }
}
