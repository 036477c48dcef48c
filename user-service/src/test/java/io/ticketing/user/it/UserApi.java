package io.ticketing.user.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.ticketing.platform.command.CommandClient;
import io.ticketing.proto.commands.v1.CommandReply;
import io.ticketing.proto.commands.v1.LogoutUser;
import io.ticketing.proto.commands.v1.RegisterUser;
import io.ticketing.proto.events.v1.UserRegistered;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives the service the way the gateway does: HTTP for login/refresh/reads, NATS request-reply for commands. */
final class UserApi {

    static final String REGISTERED_SUBJECT = "users.events.UserRegistered";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final JsonMapper json;
    private final CommandClient commands;
    private final Connection nats;

    UserApi(int port, JsonMapper json, CommandClient commands, Connection nats) {
        this.base = "http://127.0.0.1:" + port;
        this.json = json;
        this.commands = commands;
        this.nats = nats;
    }

    /** A fresh address per call, so tests never share accounts or lockout counters. */
    static String uniqueEmail(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com";
    }

    record Response(int status, HttpResponse<String> raw, JsonNode body) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }

        String text(String field) {
            return body.path(field).asString();
        }
    }

    String baseUrl() {
        return base;
    }

    Response post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    Response get(String path, @Nullable String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    Response login(String email, String password) {
        return post("/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    Response refresh(String refreshToken) {
        return post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken));
    }

    CommandReply register(String email, String password, String fullName) {
        return request("requests.user.RegisterUser", RegisterUser.newBuilder().setEmail(email).setPassword(password)
                .setFullName(fullName).build(), new CommandClient.Caller(null, List.of(), null, null));
    }

    CommandReply logout(@Nullable UUID caller, Set<String> roles, String refreshToken) {
        return request("requests.user.LogoutUser", LogoutUser.newBuilder().setRefreshToken(refreshToken).build(),
                new CommandClient.Caller(caller, roles, null, null));
    }

    /** Registers and returns the new account's id. */
    UUID registered(String email, String password) {
        CommandReply reply = register(email, password, "Test Person");
        if (!reply.hasSucceeded()) {
            throw new AssertionError("registration failed: " + reply);
        }
        return UUID.fromString(reply.getSucceeded().getResourceId());
    }

    JsonNode body(CommandReply reply) {
        return json.readTree(reply.getSucceeded().getBody().toStringUtf8());
    }

    /** Every UserRegistered in the USERS stream for {@code email}, read from the start with an ephemeral consumer. */
    List<Message> registeredEvents(String email) throws Exception {
        JetStreamSubscription sub = nats.jetStream().subscribe(REGISTERED_SUBJECT, PullSubscribeOptions.builder()
                .configuration(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.All)
                        .inactiveThreshold(Duration.ofSeconds(30)).build())
                .build());
        List<Message> found = new ArrayList<>();
        try {
            List<Message> batch;
            do {
                batch = sub.fetch(500, Duration.ofMillis(300));
                for (Message m : batch) {
                    m.ack();
                    if (UserRegistered.parseFrom(m.getData()).getEmail().equals(email)) {
                        found.add(m);
                    }
                }
            } while (!batch.isEmpty());
        } finally {
            sub.unsubscribe();
        }
        return found;
    }

    private CommandReply request(String subject, com.google.protobuf.Message command, CommandClient.Caller caller) {
        try {
            return commands.request(subject, command, caller, Duration.ofSeconds(10)).get();
        } catch (Exception e) {
            throw new AssertionError("no reply on " + subject, e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
            return new Response(response.statusCode(), response, body);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
