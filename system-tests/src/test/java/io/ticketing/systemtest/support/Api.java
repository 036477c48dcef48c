package io.ticketing.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** A client of the public HTTP API, as a browser or a partner would use it. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
            .build();

    private final String base;
    private final @Nullable String token;

    public Api(String base, @Nullable String token) {
        this.base = base;
        this.token = token;
    }

    public static Api anonymous() {
        return new Api(Stack.get().gatewayUrl(), null);
    }

    public Api as(String accessToken) {
        return new Api(base, accessToken);
    }

    public String base() {
        return base;
    }

    /** An HTTP answer with its JSON body parsed when there is one. */
    public record Response(int status, HttpResponse<String> raw, JsonNode json) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String text(String field) {
            return json.path(field).asString();
        }

        public boolean isProblem() {
            return raw.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response post(String path, @Nullable Object body) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : json(body)));
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = builder(path).header("Content-Type", "application/json").POST(json(body));
        headers.forEach(b::header);
        return send(b);
    }

    public Response delete(String path) {
        return send(builder(path).DELETE());
    }

    /** Any request, for hostile-input tests: raw body, any method, any content type. */
    public Response raw(String method, String path, @Nullable String body, Map<String, String> headers) {
        HttpRequest.Builder b = builder(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b);
    }

    public Response bookTicket(Map<String, Object> body) {
        return post("/api/v1/tickets", body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = MissingNode.getInstance();
            String body = response.body();
            if (body != null && !body.isBlank() && (body.startsWith("{") || body.startsWith("["))) {
                try {
                    json = JSON.readTree(body);
                } catch (RuntimeException notJson) {
                    json = MissingNode.getInstance();
                }
            }
            return new Response(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
