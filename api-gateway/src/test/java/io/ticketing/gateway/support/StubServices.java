package io.ticketing.gateway.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * The services the gateway talks to over HTTP, as far as its tests need them: user-service's JWKS, train-service's
 * city list, ticket-service's ticket reads (none found), notification-service's stream, and an OpenAPI document.
 * Each answers HEAD as GET, without the body, as the services do.
 */
public final class StubServices {

    /** What a stub endpoint last received. */
    public record Received(String path, @Nullable String query, Headers headers) {
    }

    private static StubServices instance;

    public final Map<String, Received> lastRequest = new ConcurrentHashMap<>();
    private final HttpServer server;

    private StubServices() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        // the gateway's load balancer only routes to replicas that report UP
        server.createContext("/actuator/health", ex -> respond(ex, 200, "application/json", "{\"status\":\"UP\"}"));
        server.createContext("/.well-known/jwks.json", ex -> respond(ex, 200, "application/json", TestTokens.jwks()));
        server.createContext("/api/v1/cities", ex -> {
            // as every service does (platform's correlation filter)
            ex.getResponseHeaders().set("X-Correlation-Id", ex.getRequestHeaders().getFirst("X-Correlation-Id"));
            respond(ex, 200, "application/json", "{\"items\":[],\"page\":0,\"size\":20,\"totalItems\":0}");
        });
        server.createContext("/api/v1/tickets/", ex -> {
            record(ex, "ticket");
            respond(ex, 404, "application/problem+json", "{\"status\":404,\"title\":\"Not found\"}");
        });
        server.createContext("/api/v1/notifications/stream", ex -> {
            record(ex, "stream");
            respond(ex, 200, "text/event-stream", "event: notification\ndata: {\"id\":\"n1\"}\n\n");
        });
        // one spec for every service the stub plays: a read on a path the gateway takes a command at (DELETE), and
        // one on a path only a service serves
        server.createContext("/v3/api-docs", ex -> respond(ex, 200, "application/json", """
                {"openapi":"3.1.0","info":{"title":"ticket-service","version":"v1"},
                 "servers":[{"url":"http://127.0.0.1:8083"}],
                 "paths":{"/api/v1/tickets/{id}":{"get":{"operationId":"ticket","responses":{"200":{
                            "description":"OK","content":{"application/json":{"schema":{
                              "$ref":"#/components/schemas/TicketView"}}}}}}},
                          "/api/v1/cities/{id}":{"get":{"operationId":"city","responses":{"200":{
                            "description":"OK"}}}}},
                 "components":{"schemas":{"TicketView":{"type":"object"}}}}"""));
        server.start();
    }

    public static synchronized StubServices get() {
        if (instance == null) {
            try {
                instance = new StubServices();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A local port nobody listens on: a service that is down. */
    public static String downUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void record(HttpExchange ex, String name) {
        Headers copy = new Headers();
        copy.putAll(ex.getRequestHeaders());
        lastRequest.put(name, new Received(ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(), copy));
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
