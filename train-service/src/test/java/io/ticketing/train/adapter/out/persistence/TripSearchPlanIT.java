package io.ticketing.train.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.ticketing.platform.test.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trip search is one statement served by the stop index. Loads a network big enough for the planner to
 * prefer indexes (200 cities, 3000 trips over 60 days, 9000 stops), then prints and checks the plan.
 */
@ServiceIntegrationTest
class TripSearchPlanIT {

    private static boolean loaded;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void reset() {
        loaded = false;
    }

    private void loadNetwork() {
        if (loaded) {
            return;
        }
        jdbc.sql("""
                INSERT INTO city (id, name, country)
                SELECT gen_random_uuid(), 'Plan city ' || g, 'Planland' FROM generate_series(1, 200) g""").update();
        jdbc.sql("""
                INSERT INTO station (id, name, code, city_id)
                SELECT gen_random_uuid(), 'Plan station ' || c.name, 'PL' || row_number() OVER (), c.id
                FROM city c WHERE c.country = 'Planland'""").update();
        jdbc.sql("""
                INSERT INTO train (id, number, name)
                SELECT gen_random_uuid(), 'PLAN' || g, 'Plan train' FROM generate_series(1, 3000) g""").update();
        jdbc.sql("""
                INSERT INTO trip (id, train_id, status, departs_at, arrives_at)
                SELECT gen_random_uuid(), t.id, 'SCHEDULED',
                       timestamptz '2033-01-01 06:00Z' + (t.n % 60) * interval '1 day',
                       timestamptz '2033-01-01 08:10Z' + (t.n % 60) * interval '1 day'
                FROM (SELECT id, row_number() OVER (ORDER BY number) AS n FROM train WHERE number LIKE 'PLAN%') t""")
                .update();
        jdbc.sql("""
                WITH stations AS (
                    SELECT s.id, s.city_id, row_number() OVER (ORDER BY s.code) - 1 AS k
                    FROM station s JOIN city c ON c.id = s.city_id WHERE c.country = 'Planland'),
                trips AS (
                    SELECT t.id, t.departs_at, row_number() OVER (ORDER BY t.id) AS n
                    FROM trip t JOIN train tr ON tr.id = t.train_id WHERE tr.number LIKE 'PLAN%')
                INSERT INTO trip_stop (trip_id, stop_index, station_id, city_id, arrives_at, departs_at)
                SELECT t.id, i, s.id, s.city_id,
                       CASE WHEN i = 0 THEN NULL ELSE t.departs_at + i * interval '65 minutes' END,
                       CASE WHEN i = 2 THEN NULL
                            ELSE t.departs_at + i * interval '65 minutes' + interval '5 minutes' END
                FROM trips t CROSS JOIN generate_series(0, 2) i
                JOIN stations s ON s.k = (t.n * 7 + i * 31) % 200""").update();
        jdbc.sql("ANALYZE").update();
        loaded = true;
    }

    @Test
    void searchIsOneStatementServedByTheStopIndex() {
        loadNetwork();
        List<UUID> cities = jdbc.sql("SELECT city_id FROM trip_stop WHERE stop_index = 0 AND departs_at IS NOT NULL"
                + " AND trip_id IN (SELECT trip_id FROM trip_stop WHERE stop_index = 2) LIMIT 1")
                .query(UUID.class).list();
        UUID from = cities.getFirst();

        List<String> plan = jdbc.sql("EXPLAIN " + CatalogReadModelAdapter.SEARCH)
                .param("from", from)
                .param("to", UUID.randomUUID())
                .param("after", OffsetDateTime.parse("2033-01-05T00:00Z"))
                .param("before", OffsetDateTime.parse("2033-01-06T00:00Z"))
                .param("limit", 20)
                .param("offset", 0L)
                .query(String.class)
                .list();

        System.out.println("EXPLAIN of the trip search:\n" + String.join("\n", plan));
        assertThat(String.join("\n", plan))
                .contains("trip_stop_search_from_idx")
                .doesNotContain("Seq Scan on trip_stop");
    }
}
