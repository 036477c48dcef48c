package io.ticketing.systemtest.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small railway built through the admin API: four cities A-B-C-D with one station each, a train with a
 * FIRST and a SECOND class wagon, and a trip A -> B -> C -> D departing on {@link #date}.
 */
public record Network(List<String> cityIds, List<String> stationIds, String trainId, String trainNumber,
        String tripId, LocalDate date, OffsetDateTime departure) {

    public static Network build(Session admin, int firstSeats, int secondSeats) {
        return build(admin, firstSeats, secondSeats, OffsetDateTime.now(ZoneOffset.UTC).plusDays(2)
                .withHour(8).withMinute(0).withSecond(0).withNano(0));
    }

    public static Network build(Session admin, int firstSeats, int secondSeats, OffsetDateTime departure) {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<String> cities = new ArrayList<>();
        List<String> stations = new ArrayList<>();
        for (String letter : List.of("A", "B", "C", "D")) {
            Api.Response city = admin.api().post("/api/v1/cities",
                    Map.of("name", "City" + letter + "-" + tag, "country", "Testland"));
            assertThat(city.status()).as("city: %s", city).isEqualTo(201);
            cities.add(city.text("id"));
            Api.Response station = admin.api().post("/api/v1/stations",
                    Map.of("name", "Central " + letter + " " + tag, "cityId", city.text("id"), "code", letter + tag));
            assertThat(station.status()).as("station: %s", station).isEqualTo(201);
            stations.add(station.text("id"));
        }
        String number = "IC" + tag;
        Api.Response train = admin.api().post("/api/v1/trains", Map.of("number", number, "name", "Express " + tag,
                "wagons", List.of(Map.of("number", 1, "seatClass", "FIRST", "seats", firstSeats),
                        Map.of("number", 2, "seatClass", "SECOND", "seats", secondSeats))));
        assertThat(train.status()).as("train: %s", train).isEqualTo(201);
        List<Map<String, Object>> stops = new ArrayList<>();
        for (int i = 0; i < stations.size(); i++) {
            Map<String, Object> stop = new LinkedHashMap<>();
            stop.put("stationId", stations.get(i));
            if (i > 0) {
                stop.put("arrival", departure.plusHours(i).minusMinutes(5).toString());
            }
            if (i < stations.size() - 1) {
                stop.put("departure", departure.plusHours(i).toString());
            }
            stops.add(stop);
        }
        Api.Response trip = admin.api().post("/api/v1/trips", Map.of("trainId", train.text("id"), "stops", stops,
                "fares", Map.of("FIRST", Map.of("amount", "20.00", "currency", "EUR"),
                        "SECOND", Map.of("amount", "10.00", "currency", "EUR"))));
        assertThat(trip.status()).as("trip: %s", trip).isEqualTo(201);
        Summary.count("networks built");
        return new Network(cities, stations, train.text("id"), number, trip.text("id"), departure.toLocalDate(),
                departure);
    }

    public JsonNode seatMap(Api api, int from, int to) {
        Api.Response seats = api.get("/api/v1/trips/" + tripId + "/seats?from=" + stationIds.get(from) + "&to="
                + stationIds.get(to));
        assertThat(seats.status()).as("seat map: %s", seats).isEqualTo(200);
        return seats.json();
    }

    public Map<String, Object> booking(int from, int to, String seatId, String seatClass, String passenger) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tripId", tripId);
        body.put("fromStationId", stationIds.get(from));
        body.put("toStationId", stationIds.get(to));
        if (seatId != null) {
            body.put("seatId", seatId);
        }
        if (seatClass != null) {
            body.put("seatClass", seatClass);
        }
        body.put("passengerName", passenger);
        return body;
    }
}
