package io.ticketing.notification.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code text/event-stream} line by line on its own thread and records events and comments, and every
 * raw line, so that a refusal's problem+json body can be read too once the response {@link #ended()}.
 */
public final class SseClient implements AutoCloseable {

    public record Event(@Nullable String id, String data, long receivedNanos) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status;
    private volatile @Nullable HttpHeaders headers;
    private volatile boolean ended;

    private SseClient(HttpClient http, HttpRequest request) {
        this.response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        Thread.ofVirtual().start(this::read);
    }

    public static SseClient open(HttpClient http, URI uri, @Nullable String bearer, @Nullable String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new SseClient(http, request.build());
    }

    private void read() {
        try {
            HttpResponse<Stream<String>> r = response.join();
            headers = r.headers();
            status = r.statusCode();
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line : (Iterable<String>) r.body()::iterator) {
                lines.add(line);
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, data.toString(), System.nanoTime()));
                    }
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).trim());
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).trim());
                }
            }
        } catch (RuntimeException e) {
            // the stream was closed by the test or the server
        } finally {
            ended = true;
        }
    }

    public int status() {
        return status;
    }

    public Optional<String> header(String name) {
        HttpHeaders received = headers;
        return received == null ? Optional.empty() : received.firstValue(name);
    }

    /** The whole body as received, lines joined with {@code \n}. */
    public String body() {
        return String.join("\n", lines);
    }

    /** The server ended the response (or the test closed it). */
    public boolean ended() {
        return ended;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<String> comments() {
        return List.copyOf(comments);
    }

    public boolean connected() {
        return comments.contains("connected");
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
