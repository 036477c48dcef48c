package io.ticketing.systemtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.ticketing.systemtest.support.Api;
import io.ticketing.systemtest.support.Network;
import io.ticketing.systemtest.support.Session;
import io.ticketing.systemtest.support.Summary;
import io.ticketing.systemtest.support.SystemTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Hundreds of malformed, oversized, mistyped and unauthorized requests: each gets its 4xx problem, none a 5xx. */
@SystemTest
class HostileInputIT {

    private record Case(String name, String method, String path, String body, Map<String, String> headers,
            Api api, int expected) {
    }

    private static final int ANY_4XX = -1;
    private static final String JSON = "application/json";
    private static final List<String> INJECTIONS = List.of("' OR '1'='1", "'; DROP TABLE users; --",
            "<script>alert(1)</script>", "${jndi:ldap://x/a}", "../../etc/passwd", "%00", "\u0000", "😀😀😀",
            "{{7*7}}", "1; SELECT pg_sleep(10)");
    private static final List<String> MALFORMED = List.of("{", "[1,2", "\"just a string\"", "nul", "{\"a\":}",
            "{\"email\": \"x\",}", "{'single': 'quotes'}", "{\"a\":1}{\"b\":2}", "\u0000\u0001", "12345");

    @Test
    void everyBadRequestGetsItsDocumented4xxProblemAndTheStackKeepsServing() {
        Session admin = Session.admin();
        Session user = Session.register("Hostile Tester");
        Network net = Network.build(admin, 2, 2);
        Api anon = Api.anonymous();
        List<Case> cases = new ArrayList<>();
        String huge = "x".repeat(70 * 1024);
        String longName = "n".repeat(5000);

        Map<String, Api> writeEndpoints = new LinkedHashMap<>();
        writeEndpoints.put("/api/v1/auth/register", anon);
        writeEndpoints.put("/api/v1/auth/login", anon);
        writeEndpoints.put("/api/v1/auth/refresh", anon);
        writeEndpoints.put("/api/v1/cities", admin.api());
        writeEndpoints.put("/api/v1/stations", admin.api());
        writeEndpoints.put("/api/v1/trains", admin.api());
        writeEndpoints.put("/api/v1/trips", admin.api());
        writeEndpoints.put("/api/v1/trips/" + net.tripId() + "/reviews", user.api());
        writeEndpoints.put("/api/v1/tickets", user.api());

        writeEndpoints.forEach((path, api) -> {
            Map<String, String> headers = path.endsWith("/tickets")
                    ? Map.of("Content-Type", JSON, "Idempotency-Key", UUID.randomUUID().toString())
                    : Map.of("Content-Type", JSON);
            for (String body : MALFORMED) {
                cases.add(new Case("malformed " + body, "POST", path, body, headers, api, 400));
            }
            cases.add(new Case("empty object", "POST", path, "{}", headers, api, 400));
            cases.add(new Case("array instead of object", "POST", path, "[]", headers, api, 400));
            cases.add(new Case("oversized body", "POST", path, "{\"a\":\"" + huge + "\"}", headers, api, 413));
            cases.add(new Case("wrong media type", "POST", path, "a=b",
                    path.endsWith("/tickets") ? Map.of("Content-Type", "application/x-www-form-urlencoded",
                            "Idempotency-Key", UUID.randomUUID().toString())
                            : Map.of("Content-Type", "text/plain"), api, 415));
            cases.add(new Case("wrong method", "PUT", path, "{}", headers, api, 405));
        });

        // wrong types and missing or too long fields, per endpoint
        cases.add(bad("register number email", "/api/v1/auth/register",
                "{\"email\":5,\"password\":\"Secret-123456\",\"fullName\":\"A\"}", anon));
        cases.add(bad("register short password", "/api/v1/auth/register",
                "{\"email\":\"a@b.co\",\"password\":\"short\",\"fullName\":\"A\"}", anon));
        cases.add(bad("register long name", "/api/v1/auth/register",
                "{\"email\":\"a@b.co\",\"password\":\"Secret-123456\",\"fullName\":\"" + longName + "\"}", anon));
        cases.add(new Case("login wrong password", "POST", "/api/v1/auth/login",
                "{\"email\":\"" + user.email() + "\",\"password\":\"wrong-password\"}",
                Map.of("Content-Type", JSON), anon, 401));
        cases.add(new Case("refresh unknown token", "POST", "/api/v1/auth/refresh",
                "{\"refreshToken\":\"not-a-token\"}", Map.of("Content-Type", JSON), anon, 401));
        cases.add(bad("city object name", "/api/v1/cities", "{\"name\":{\"a\":1},\"country\":\"X\"}", admin.api()));
        cases.add(bad("city long name", "/api/v1/cities",
                "{\"name\":\"" + longName + "\",\"country\":\"X\"}", admin.api()));
        cases.add(bad("station bad city uuid", "/api/v1/stations",
                "{\"name\":\"S\",\"cityId\":\"not-a-uuid\",\"code\":\"S1\"}", admin.api()));
        cases.add(new Case("station unknown city", "POST", "/api/v1/stations",
                "{\"name\":\"S\",\"cityId\":\"" + UUID.randomUUID() + "\",\"code\":\"ZZ"
                        + UUID.randomUUID().toString().substring(0, 4) + "\"}",
                Map.of("Content-Type", JSON), admin.api(), 404));
        cases.add(bad("train unknown class", "/api/v1/trains",
                "{\"number\":\"T1\",\"name\":\"t\",\"wagons\":[{\"number\":1,\"seatClass\":\"BUSINESS\",\"seats\":3}]}",
                admin.api()));
        cases.add(bad("train negative seats", "/api/v1/trains",
                "{\"number\":\"T1\",\"name\":\"t\",\"wagons\":[{\"number\":1,\"seatClass\":\"FIRST\",\"seats\":-3}]}",
                admin.api()));
        cases.add(bad("train seats as string", "/api/v1/trains",
                "{\"number\":\"T1\",\"name\":\"t\","
                        + "\"wagons\":[{\"number\":1,\"seatClass\":\"FIRST\",\"seats\":\"many\"}]}",
                admin.api()));
        cases.add(bad("trip one stop", "/api/v1/trips",
                "{\"trainId\":\"" + net.trainId() + "\",\"stops\":[{\"stationId\":\"" + net.stationIds().get(0)
                        + "\",\"departure\":\"2030-01-01T10:00:00Z\"}],\"fares\":{}}", admin.api()));
        cases.add(bad("trip bad time", "/api/v1/trips",
                "{\"trainId\":\"" + net.trainId() + "\",\"stops\":[{\"stationId\":\"" + net.stationIds().get(0)
                        + "\",\"departure\":\"yesterday\"}],\"fares\":{}}", admin.api()));
        cases.add(bad("review rating 9", "/api/v1/trips/" + net.tripId() + "/reviews",
                "{\"rating\":9,\"comment\":\"x\"}", user.api()));
        cases.add(bad("review rating string", "/api/v1/trips/" + net.tripId() + "/reviews",
                "{\"rating\":\"five\",\"comment\":\"x\"}", user.api()));
        cases.add(new Case("booking without Idempotency-Key", "POST", "/api/v1/tickets",
                "{\"tripId\":\"" + net.tripId() + "\",\"fromStationId\":\"" + net.stationIds().get(0)
                        + "\",\"toStationId\":\"" + net.stationIds().get(1)
                        + "\",\"seatClass\":\"FIRST\",\"passengerName\":\"P\"}",
                Map.of("Content-Type", JSON), user.api(), 400));
        for (String field : List.of("tripId", "fromStationId", "toStationId", "seatId")) {
            Map<String, Object> body = new LinkedHashMap<>(net.booking(0, 1, null, "FIRST", "P"));
            body.put(field, "not-a-uuid");
            cases.add(new Case("booking bad " + field, "POST", "/api/v1/tickets", Api.JSON.writeValueAsString(body),
                    Map.of("Content-Type", JSON, "Idempotency-Key", UUID.randomUUID().toString()), user.api(), 400));
        }
        Map<String, Object> unknownClass = new LinkedHashMap<>(net.booking(0, 1, null, "LUXURY", "P"));
        cases.add(new Case("booking unknown class", "POST", "/api/v1/tickets",
                Api.JSON.writeValueAsString(unknownClass),
                Map.of("Content-Type", JSON, "Idempotency-Key", UUID.randomUUID().toString()), user.api(), 400));
        Map<String, Object> longPassenger = new LinkedHashMap<>(net.booking(0, 1, null, "FIRST", longName));
        cases.add(new Case("booking long passenger", "POST", "/api/v1/tickets",
                Api.JSON.writeValueAsString(longPassenger),
                Map.of("Content-Type", JSON, "Idempotency-Key", UUID.randomUUID().toString()), user.api(), 400));

        // injection-like strings where ids, e-mails, dates and enums are expected
        for (String evil : INJECTIONS) {
            String enc = java.net.URLEncoder.encode(evil, java.nio.charset.StandardCharsets.UTF_8);
            cases.add(new Case("ticket id " + evil, "GET", "/api/v1/tickets/" + enc, null,
                    Map.of(), user.api(), ANY_4XX));
            cases.add(new Case("trip id " + evil, "GET", "/api/v1/trips/" + enc, null, Map.of(), anon, ANY_4XX));
            cases.add(new Case("search date " + evil, "GET", "/api/v1/trips?from=" + net.cityIds().get(0) + "&to="
                    + net.cityIds().get(1) + "&date=" + enc, null, Map.of(), anon, 400));
            cases.add(new Case("seat map from " + evil, "GET", "/api/v1/trips/" + net.tripId() + "/seats?from=" + enc
                    + "&to=" + net.stationIds().get(1), null, Map.of(), anon, 400));
            cases.add(new Case("stations city " + evil, "GET", "/api/v1/stations?cityId=" + enc, null,
                    Map.of(), anon, 400));
            cases.add(bad("register email " + evil, "/api/v1/auth/register",
                    Api.JSON.writeValueAsString(Map.of("email", evil, "password", "Secret-123456", "fullName", "E")),
                    anon));
            cases.add(new Case("notification id " + evil, "POST", "/api/v1/notifications/" + enc + "/read", null,
                    Map.of(), user.api(), ANY_4XX));
        }

        // the NUL character, which PostgreSQL cannot store in text, in every kind of text field
        String nul = "a\\u0000b";
        cases.add(bad("register NUL name", "/api/v1/auth/register",
                "{\"email\":\"nul@b.co\",\"password\":\"Secret-123456\",\"fullName\":\"" + nul + "\"}", anon));
        cases.add(bad("login NUL email", "/api/v1/auth/login",
                "{\"email\":\"" + nul + "@b.co\",\"password\":\"Secret-123456\"}", anon));
        cases.add(bad("city NUL name", "/api/v1/cities", "{\"name\":\"" + nul + "\",\"country\":\"X\"}",
                admin.api()));
        cases.add(bad("review NUL comment", "/api/v1/trips/" + net.tripId() + "/reviews",
                "{\"rating\":4,\"comment\":\"" + nul + "\"}", user.api()));
        Map<String, Object> nulPassenger = new LinkedHashMap<>(net.booking(0, 1, null, "FIRST", "a\u0000b"));
        cases.add(new Case("booking NUL passenger", "POST", "/api/v1/tickets",
                Api.JSON.writeValueAsString(nulPassenger),
                Map.of("Content-Type", JSON, "Idempotency-Key", UUID.randomUUID().toString()), user.api(), 400));
        cases.add(new Case("trip times past year 9999", "POST", "/api/v1/trips",
                "{\"trainId\":\"" + net.trainId() + "\",\"stops\":[{\"stationId\":\"" + net.stationIds().get(0)
                        + "\",\"departure\":\"+999999999-04-01T08:00:00Z\"},{\"stationId\":\""
                        + net.stationIds().get(1) + "\",\"arrival\":\"+999999999-04-01T09:00:00Z\"}],"
                        + "\"fares\":{\"FIRST\":{\"amount\":\"10.00\",\"currency\":\"EUR\"},"
                        + "\"SECOND\":{\"amount\":\"5.00\",\"currency\":\"EUR\"}}}",
                Map.of("Content-Type", JSON), admin.api(), 400));
        // queries and paths that do not decode, or decode to NUL
        for (String query : List.of("q=%00", "q=%FF", "q=%C0%AE", "page=%FF")) {
            cases.add(new Case("cities " + query, "GET", "/api/v1/cities?" + query, null, Map.of(), anon, 400));
        }
        cases.add(new Case("tickets page=%FF", "GET", "/api/v1/tickets?page=%FF", null, Map.of(), user.api(), 400));
        cases.add(new Case("long poll wait=%FF", "GET", "/api/v1/tickets/" + UUID.randomUUID() + "?wait=%FF", null,
                Map.of(), user.api(), 400));
        for (String path : List.of("/api/v1/trains/%FF", "/api/v1/trips/%FF", "/api/v1/tickets/%C3")) {
            cases.add(new Case("path " + path, "GET", path, null, Map.of(), user.api(), 400));
        }
        cases.add(new Case("search date far ahead", "GET", "/api/v1/trips?from=" + net.cityIds().get(0) + "&to="
                + net.cityIds().get(1) + "&date=%2B999999999-12-31", null, Map.of(), anon, 400));

        // paging out of range
        for (String paging : List.of("page=-1", "size=0", "size=100000", "page=abc", "size=-5", "page=99999999999")) {
            cases.add(new Case("cities " + paging, "GET", "/api/v1/cities?" + paging, null, Map.of(), anon, 400));
            cases.add(new Case("tickets " + paging, "GET", "/api/v1/tickets?" + paging, null,
                    Map.of(), user.api(), 400));
            cases.add(new Case("notifications " + paging, "GET", "/api/v1/notifications?" + paging, null,
                    Map.of(), user.api(), 400));
        }
        cases.add(new Case("long-poll bad wait", "GET", "/api/v1/tickets/" + UUID.randomUUID() + "?wait=forever", null,
                Map.of(), user.api(), 400));

        // bad tokens
        for (String token : List.of("garbage", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
                user.accessToken() + "x", user.accessToken().substring(0, user.accessToken().length() / 2))) {
            cases.add(new Case("bad token " + token.substring(0, Math.min(10, token.length())), "GET",
                    "/api/v1/users/me", null, Map.of("Authorization", "Bearer " + token), anon, 401));
            cases.add(new Case("bad token on tickets", "GET", "/api/v1/tickets", null,
                    Map.of("Authorization", "Bearer " + token), anon, 401));
        }
        cases.add(new Case("basic auth", "GET", "/api/v1/users/me", null,
                Map.of("Authorization", "Basic YTpi"), anon, 401));
        cases.add(new Case("no token", "GET", "/api/v1/notifications", null, Map.of(), anon, 401));

        // unknown routes and wrong methods
        for (String path : List.of("/api/v1/nothing", "/api/v2/tickets", "/api/v1/tickets/" + UUID.randomUUID() + "/x",
                "/admin", "/api/v1/users")) {
            cases.add(new Case("unknown " + path, "GET", path, null, Map.of("Accept", JSON), user.api(), 404));
        }
        cases.add(new Case("delete a city", "DELETE", "/api/v1/cities", null, Map.of(), admin.api(), 405));
        cases.add(new Case("patch a ticket", "PATCH", "/api/v1/tickets/" + UUID.randomUUID(), "{}",
                Map.of("Content-Type", JSON), user.api(), 405));

        int fiveHundreds = 0;
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Api.Response response = c.api().raw(c.method(), c.path(), c.body(), c.headers());
            Summary.badRequestAnswered(response.status());
            if (response.status() >= 500) {
                fiveHundreds++;
            }
            boolean statusOk = c.expected() == ANY_4XX ? response.status() >= 400 && response.status() < 500
                    : response.status() == c.expected();
            if (!statusOk || !response.isProblem()) {
                failures.add(c.name() + " " + c.method() + " " + c.path() + " -> " + response.status() + " "
                        + response.header("Content-Type") + " " + abbreviate(response.raw().body()));
            }
        }
        Summary.count("bad requests sent", cases.size());
        assertThat(cases.size()).isGreaterThanOrEqualTo(200);
        assertThat(fiveHundreds).as("5xx answers").isZero();
        assertThat(failures).as("requests without their documented problem").isEmpty();

        // and the stack still serves
        assertThat(anon.get("/api/v1/cities").status()).isEqualTo(200);
        assertThat(user.api().get("/api/v1/users/me").status()).isEqualTo(200);
    }

    private static Case bad(String name, String path, String body, Api api) {
        return new Case(name, "POST", path, body, Map.of("Content-Type", JSON), api, 400);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
