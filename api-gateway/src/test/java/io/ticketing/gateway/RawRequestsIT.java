package io.ticketing.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.ticketing.gateway.support.GatewayITSupport;
import io.ticketing.gateway.support.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests no HTTP client would send, over a raw socket. Those Reactor Netty's HTTP decoder refuses before any
 * WebFlux code runs still get a problem body, and their answer closes the connection.
 */
class RawRequestsIT extends GatewayITSupport {

    private static final String CITIES = "/api/v1/cities";

    @Test
    void aRequestLineOverTheLimitIs414Problem() throws IOException {
        Answer answer = single("GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: gateway\r\n\r\n");

        assertThat(answer.status()).isEqualTo(414);
        assertProblem(answer, "urn:problem:ticketing:http-414", "URI Too Long",
                "The request line is longer than 4096 bytes", null);
    }

    @Test
    void headersOverTheLimitAre431Problem() throws IOException {
        Answer answer = single("GET " + CITIES + " HTTP/1.1\r\nHost: gateway\r\nX-Filler: " + "a".repeat(9000)
                + "\r\n\r\n");

        assertThat(answer.status()).isEqualTo(431);
        assertProblem(answer, "urn:problem:ticketing:http-431", "Request Header Fields Too Large",
                "The request headers are larger than 8192 bytes", CITIES);
    }

    @Test
    void aMalformedHeaderLineIs400Problem() throws IOException {
        Answer answer = single("GET " + CITIES + " HTTP/1.1\r\nHost: gateway\r\nBad Header\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertProblem(answer, "urn:problem:ticketing:invalid-input", "Invalid input",
                "The request headers are not valid HTTP", CITIES);
    }

    @Test
    void aMalformedRequestLineIs400Problem() throws IOException {
        Answer answer = single("GARBAGE\r\nHost: gateway\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertProblem(answer, "urn:problem:ticketing:invalid-input", "Invalid input",
                "The request line is not valid HTTP", null);
    }

    @Test
    void aMalformedChunkedBodyIs400Problem() throws IOException {
        String admin = TestTokens.admin(UUID.randomUUID());
        Answer answer = single("POST " + CITIES + " HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer " + admin
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertProblem(answer, "urn:problem:ticketing:invalid-input", "Invalid input",
                "The chunked request body is not valid HTTP", null);
    }

    @Test
    void http10RequestsGetTheSameProblems() throws IOException {
        Answer badHeader = single("GET " + CITIES + " HTTP/1.0\r\nBad Header\r\n\r\n");
        assertThat(badHeader.status()).isEqualTo(400);
        assertProblem(badHeader, "urn:problem:ticketing:invalid-input", "Invalid input",
                "The request headers are not valid HTTP", CITIES);

        Answer longLine = single("GET /" + "a".repeat(5000) + " HTTP/1.0\r\n\r\n");
        assertThat(longLine.status()).isEqualTo(414);
        assertProblem(longLine, "urn:problem:ticketing:http-414", "URI Too Long",
                "The request line is longer than 4096 bytes", null);
    }

    @Test
    void aHeadRequestGetsTheProblemsHeadersWithoutItsBody() throws IOException {
        Answer answer = single("HEAD " + CITIES + " HTTP/1.1\r\nHost: gateway\r\nBad Header\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
        assertThat(answer.header("connection")).isEqualToIgnoringCase("close");
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void wellFormedRequestsOnTheSameConnectionAreAnsweredAsUsualUntilTheBadOne() throws IOException {
        List<Answer> answers = send("GET /no/such/thing HTTP/1.1\r\nHost: gateway\r\n\r\n"
                + "GET " + CITIES + " HTTP/1.1\r\nHost: gateway\r\n\r\n"
                + "GET " + CITIES + " HTTP/1.1\r\nHost: gateway\r\nBad Header\r\n\r\n");

        assertThat(answers).hasSize(3);
        Answer unknown = answers.get(0);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("connection")).isNull();
        assertProblemBody(unknown, "urn:problem:ticketing:not-found", "Not found",
                "No resource at GET /no/such/thing", "/no/such/thing");
        Answer cities = answers.get(1);
        assertThat(cities.status()).isEqualTo(200);
        assertThat(cities.header("content-type")).isEqualTo("application/json");
        assertThat(cities.body()).isEqualTo("{\"items\":[],\"page\":0,\"size\":20,\"totalItems\":0}");
        Answer bad = answers.get(2);
        assertThat(bad.status()).isEqualTo(400);
        assertProblem(bad, "urn:problem:ticketing:invalid-input", "Invalid input",
                "The request headers are not valid HTTP", CITIES);
    }

    @Test
    void aRequestTargetWithoutAPathIs404ProblemNotAServerError() throws IOException {
        for (String target : List.of("*", "http://gateway")) {
            for (String method : List.of("GET", "OPTIONS")) {
                Answer answer = single(method + " " + target
                        + " HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n");
                assertThat(answer.status()).as(method + " " + target).isEqualTo(404);
                assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
            }
        }
    }

    private static void assertProblem(Answer answer, String type, String title, String detail,
            @Nullable String instance) {
        assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
        assertThat(answer.header("connection")).isEqualToIgnoringCase("close");
        assertProblemBody(answer, type, title, detail, instance);
    }

    private static void assertProblemBody(Answer answer, String type, String title, String detail,
            @Nullable String instance) {
        JsonNode problem = JsonMapper.shared().readTree(answer.body());
        assertThat(problem.path("type").asString()).isEqualTo(type);
        assertThat(problem.path("title").asString()).isEqualTo(title);
        assertThat(problem.path("status").asInt()).isEqualTo(answer.status());
        assertThat(problem.path("detail").asString()).isEqualTo(detail);
        if (instance == null) {
            assertThat(problem.has("instance")).as("no instance when the request line was not read").isFalse();
        } else {
            assertThat(problem.path("instance").asString()).isEqualTo(instance);
        }
    }

    private Answer single(String request) throws IOException {
        List<Answer> answers = send(request);
        assertThat(answers).hasSize(1);
        return answers.getFirst();
    }

    /** Sends the bytes and reads every answer until the gateway closes the connection. */
    private List<Answer> send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return answers(socket.getInputStream(), request.startsWith("HEAD "));
        }
    }

    private static List<Answer> answers(InputStream in, boolean head) throws IOException {
        List<Answer> answers = new ArrayList<>();
        String statusLine;
        while ((statusLine = line(in)) != null) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).trim());
            }
            int length = head ? 0 : Integer.parseInt(headers.getOrDefault("content-length", "0"));
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            answers.add(new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers, body));
        }
        return answers;
    }

    private static @Nullable String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private record Answer(int status, Map<String, String> headers, String body) {

        @Nullable String header(String name) {
            return headers.get(name);
        }
    }
}
