package io.ticketing.train.adapter.out.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.ticketing.platform.jdbc.JdbcValues;
import io.ticketing.platform.web.PageResponse;
import io.ticketing.platform.web.PageResponse.PageRequest;
import io.ticketing.train.application.port.in.CityView;
import io.ticketing.train.application.port.in.MoneyView;
import io.ticketing.train.application.port.in.ReviewPage;
import io.ticketing.train.application.port.in.ReviewView;
import io.ticketing.train.application.port.in.SeatMapEntry;
import io.ticketing.train.application.port.in.StationView;
import io.ticketing.train.application.port.in.TripSearchResult;
import io.ticketing.train.application.port.in.TripSearchResult.ClassOffer;
import io.ticketing.train.application.port.in.TripSearchResult.StationRef;
import io.ticketing.train.application.port.out.CatalogReadModel;
import io.ticketing.train.domain.model.CityId;
import io.ticketing.train.domain.model.Money;
import io.ticketing.train.domain.model.ReviewId;
import io.ticketing.train.domain.model.SeatClass;
import io.ticketing.train.domain.model.Segment;
import io.ticketing.train.domain.model.StationId;
import io.ticketing.train.domain.model.Trip;
import io.ticketing.train.domain.model.TripId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class CatalogReadModelAdapter implements CatalogReadModel {

    /**
     * Trip search in one statement. The stops leaving the origin city that day come from an index-only scan
     * of {@code trip_stop_search_from_idx (city_id, departs_at)}; each candidate's later stop in the
     * destination city from the {@code trip_stop} primary key (see TripSearchPlanIT). The page is cut before
     * the per-class free-seat counts, so those run only for the trips shown. Always returns at least one row
     * (carrying the total), with nulls when the page is empty. A trip that calls at several stations of a city
     * (Berlin Hbf, then Spandau) is offered once: from the last of them that day, to the first station in the
     * destination city after it, the shortest ride.
     */
    static final String SEARCH = """
            WITH candidates AS (
                SELECT DISTINCT ON (dep.trip_id)
                       dep.trip_id, dep.stop_index AS from_index, dep.station_id AS from_station, dep.departs_at,
                       arr.stop_index AS to_index, arr.station_id AS to_station, arr.arrives_at
                FROM trip_stop dep
                JOIN trip_stop arr ON arr.trip_id = dep.trip_id AND arr.city_id = :to
                                  AND arr.stop_index > dep.stop_index
                JOIN trip t ON t.id = dep.trip_id AND t.status = 'SCHEDULED'
                WHERE dep.city_id = :from AND dep.departs_at >= :after AND dep.departs_at < :before
                ORDER BY dep.trip_id, arr.stop_index, dep.stop_index DESC
            ), page AS (
                SELECT * FROM candidates
                ORDER BY departs_at, trip_id, from_index, to_index
                LIMIT :limit OFFSET :offset
            )
            SELECT total.n AS total, p.trip_id, tr.number AS train_number, p.from_index, p.to_index,
                   p.from_station, fs.name AS from_name, p.to_station, ts.name AS to_name,
                   p.departs_at, p.arrives_at, f.seat_class, f.amount, f.currency,
                   (SELECT count(*) FROM seat s WHERE s.train_id = t.train_id AND s.seat_class = f.seat_class)
                 - (SELECT count(DISTINCT r.seat_id) FROM seat_reservation r JOIN seat s ON s.id = r.seat_id
                    WHERE r.trip_id = p.trip_id AND s.seat_class = f.seat_class
                      AND r.stops && int4range(p.from_index, p.to_index)) AS free_seats
            FROM (SELECT count(*) AS n FROM candidates) total
            LEFT JOIN page p ON true
            LEFT JOIN trip t ON t.id = p.trip_id
            LEFT JOIN train tr ON tr.id = t.train_id
            LEFT JOIN station fs ON fs.id = p.from_station
            LEFT JOIN station ts ON ts.id = p.to_station
            LEFT JOIN trip_fare f ON f.trip_id = p.trip_id
            ORDER BY p.departs_at, p.trip_id, p.from_index, p.to_index, f.seat_class""";

    private final JdbcClient jdbc;

    CatalogReadModelAdapter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PageResponse<CityView> cities(@Nullable String prefix, PageRequest page) {
        String where = prefix == null ? "" : " WHERE lower(name) LIKE :pattern";
        String pattern = prefix == null ? "" : likePrefix(prefix);
        long total = jdbc.sql("SELECT count(*) FROM city" + where)
                .params(Map.of("pattern", pattern))
                .query(Long.class).single();
        List<CityView> items = jdbc.sql("SELECT id, name, country FROM city" + where
                        + " ORDER BY name, id LIMIT :limit OFFSET :offset")
                .params(Map.of("pattern", pattern, "limit", page.size(), "offset", page.offset()))
                .query((rs, n) -> city(rs))
                .list();
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    @Override
    public Optional<CityView> city(CityId id) {
        return jdbc.sql("SELECT id, name, country FROM city WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> city(rs))
                .optional();
    }

    private static CityView city(ResultSet rs) throws SQLException {
        return new CityView(Sql.uuid(rs, "id"), rs.getString("name"), rs.getString("country"));
    }

    private static String likePrefix(String prefix) {
        return prefix.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static final String STATIONS = """
            SELECT s.id, s.name, s.code, s.city_id, c.name AS city_name
            FROM station s JOIN city c ON c.id = s.city_id""";

    @Override
    public PageResponse<StationView> stations(@Nullable CityId cityId, PageRequest page) {
        String where = cityId == null ? "" : " WHERE s.city_id = :city";
        Map<String, Object> params = new LinkedHashMap<>();
        if (cityId != null) {
            params.put("city", cityId.value());
        }
        long total = jdbc.sql("SELECT count(*) FROM station s" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<StationView> items = jdbc.sql(STATIONS + where + " ORDER BY s.name, s.id LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> station(rs))
                .list();
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    @Override
    public Optional<StationView> station(StationId id) {
        return jdbc.sql(STATIONS + " WHERE s.id = :id").param("id", id.value()).query((rs, n) -> station(rs)).optional();
    }

    private static StationView station(ResultSet rs) throws SQLException {
        return new StationView(Sql.uuid(rs, "id"), rs.getString("name"), rs.getString("code"),
                Sql.uuid(rs, "city_id"), rs.getString("city_name"));
    }

    @Override
    public PageResponse<TripSearchResult> search(CityId from, CityId to, Instant after, Instant before,
            PageRequest page) {
        record Key(UUID trip, int from, int to) {
        }
        Map<Key, TripSearchResult> results = new LinkedHashMap<>();
        long[] total = {0};
        jdbc.sql(SEARCH)
                .param("from", from.value())
                .param("to", to.value())
                .param("after", JdbcValues.timestamptz(after))
                .param("before", JdbcValues.timestamptz(before))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(rs -> {
                    total[0] = rs.getLong("total");
                    UUID tripId = rs.getObject("trip_id", UUID.class);
                    if (tripId == null) {
                        return;
                    }
                    int fromIndex = rs.getInt("from_index");
                    int toIndex = rs.getInt("to_index");
                    TripSearchResult result = results.computeIfAbsent(new Key(tripId, fromIndex, toIndex),
                            k -> searchResult(rs, tripId));
                    String seatClass = rs.getString("seat_class");
                    if (seatClass != null) {
                        Money price = new Money(rs.getBigDecimal("amount"), rs.getString("currency"))
                                .times(new Segment(fromIndex, toIndex).legs());
                        result.classes().add(new ClassOffer(SeatClass.valueOf(seatClass), MoneyView.of(price),
                                rs.getLong("free_seats")));
                    }
                });
        return new PageResponse<>(List.copyOf(results.values()), page.page(), page.size(), total[0]);
    }

    private static TripSearchResult searchResult(ResultSet rs, UUID tripId) {
        try {
            Instant departure = JdbcValues.requiredInstant(rs, "departs_at");
            Instant arrival = JdbcValues.requiredInstant(rs, "arrives_at");
            return new TripSearchResult(tripId, rs.getString("train_number"),
                    new StationRef(Sql.uuid(rs, "from_station"), rs.getString("from_name")),
                    new StationRef(Sql.uuid(rs, "to_station"), rs.getString("to_name")),
                    departure, arrival, Duration.between(departure, arrival).toMinutes(), new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<SeatMapEntry> seatMap(Trip trip, Segment segment) {
        return jdbc.sql("""
                        SELECT s.id, s.wagon, s.seat_no, s.seat_class,
                               NOT EXISTS (SELECT 1 FROM seat_reservation r
                                           WHERE r.trip_id = :trip AND r.seat_id = s.id
                                             AND r.stops && int4range(:from, :to)) AS free
                        FROM seat s WHERE s.train_id = :train
                        ORDER BY s.wagon, s.seat_no""")
                .param("trip", trip.id().value())
                .param("train", trip.trainId().value())
                .param("from", segment.from())
                .param("to", segment.to())
                .query((rs, n) -> new SeatMapEntry(Sql.uuid(rs, "id"), rs.getInt("wagon"),
                        rs.getInt("wagon") + "-" + rs.getInt("seat_no"), SeatClass.valueOf(rs.getString("seat_class")),
                        rs.getBoolean("free")))
                .list();
    }

    private static final String REVIEWS = "SELECT id, trip_id, user_id, rating, comment, created_at FROM review";

    @Override
    public ReviewPage reviews(TripId tripId, PageRequest page) {
        record Summary(long total, @Nullable BigDecimal average) {
        }
        Summary summary = jdbc.sql("SELECT count(*) AS n, round(avg(rating), 2) AS average FROM review"
                + " WHERE trip_id = :trip")
                .param("trip", tripId.value())
                .query((rs, n) -> new Summary(rs.getLong("n"), rs.getBigDecimal("average")))
                .single();
        List<ReviewView> items = jdbc.sql(REVIEWS
                        + " WHERE trip_id = :trip ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("trip", tripId.value())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> review(rs))
                .list();
        return new ReviewPage(items, page.page(), page.size(), summary.total(),
                summary.average() == null ? null : summary.average().doubleValue());
    }

    @Override
    public Optional<ReviewView> review(TripId tripId, ReviewId id) {
        return jdbc.sql(REVIEWS + " WHERE id = :id AND trip_id = :trip")
                .param("id", id.value())
                .param("trip", tripId.value())
                .query((rs, n) -> review(rs))
                .optional();
    }

    private static ReviewView review(ResultSet rs) throws SQLException {
        return new ReviewView(Sql.uuid(rs, "id"), Sql.uuid(rs, "trip_id"), Sql.uuid(rs, "user_id"),
                rs.getInt("rating"), rs.getString("comment"), JdbcValues.requiredInstant(rs, "created_at"));
    }
}
