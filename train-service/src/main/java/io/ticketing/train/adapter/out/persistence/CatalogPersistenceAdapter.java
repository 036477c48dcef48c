package io.ticketing.train.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ticketing.platform.jdbc.JdbcValues;
import io.ticketing.train.application.port.out.CityRepository;
import io.ticketing.train.application.port.out.StationRepository;
import io.ticketing.train.application.port.out.TrainRepository;
import io.ticketing.train.application.port.out.TripRepository;
import io.ticketing.train.domain.model.City;
import io.ticketing.train.domain.model.CityId;
import io.ticketing.train.domain.model.Money;
import io.ticketing.train.domain.model.Seat;
import io.ticketing.train.domain.model.SeatClass;
import io.ticketing.train.domain.model.SeatId;
import io.ticketing.train.domain.model.Station;
import io.ticketing.train.domain.model.StationId;
import io.ticketing.train.domain.model.Stop;
import io.ticketing.train.domain.model.Train;
import io.ticketing.train.domain.model.TrainId;
import io.ticketing.train.domain.model.Trip;
import io.ticketing.train.domain.model.TripId;
import io.ticketing.train.domain.model.TripStatus;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Cities, stations, trains with their seats, and trips with their stops and fares. */
@Component
class CatalogPersistenceAdapter implements CityRepository, StationRepository, TrainRepository, TripRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    CatalogPersistenceAdapter(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Override
    public boolean add(City city) {
        return jdbc.sql("""
                        INSERT INTO city (id, name, country) VALUES (:id, :name, :country)
                        ON CONFLICT ON CONSTRAINT city_name_country_key DO NOTHING""")
                .param("id", city.id().value())
                .param("name", city.name())
                .param("country", city.country())
                .update() == 1;
    }

    @Override
    public Optional<City> find(CityId id) {
        return jdbc.sql("SELECT id, name, country FROM city WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> new City(new CityId(Sql.uuid(rs, "id")), rs.getString("name"),
                        rs.getString("country")))
                .optional();
    }

    @Override
    public boolean add(Station station) {
        return jdbc.sql("""
                        INSERT INTO station (id, name, code, city_id) VALUES (:id, :name, :code, :city)
                        ON CONFLICT ON CONSTRAINT station_code_key DO NOTHING""")
                .param("id", station.id().value())
                .param("name", station.name())
                .param("code", station.code())
                .param("city", station.cityId().value())
                .update() == 1;
    }

    @Override
    public List<Station> findAll(Collection<StationId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, name, code, city_id FROM station WHERE id IN (:ids)")
                .param("ids", ids.stream().map(StationId::value).toList())
                .query((rs, n) -> new Station(new StationId(Sql.uuid(rs, "id")), rs.getString("name"),
                        rs.getString("code"), new CityId(Sql.uuid(rs, "city_id"))))
                .list();
    }

    @Override
    public boolean add(Train train) {
        boolean added = jdbc.sql("""
                        INSERT INTO train (id, number, name) VALUES (:id, :number, :name)
                        ON CONFLICT ON CONSTRAINT train_number_key DO NOTHING""")
                .param("id", train.id().value())
                .param("number", train.number())
                .param("name", train.name())
                .update() == 1;
        if (added) {
            batch.batchUpdate("INSERT INTO seat (id, train_id, wagon, seat_no, seat_class) VALUES (?, ?, ?, ?, ?)",
                    train.seats(), 1000, (ps, seat) -> {
                        ps.setObject(1, seat.id().value());
                        ps.setObject(2, train.id().value());
                        ps.setInt(3, seat.wagon());
                        ps.setInt(4, seat.number());
                        ps.setString(5, seat.seatClass().name());
                    });
        }
        return added;
    }

    @Override
    public Optional<Train> find(TrainId id) {
        return jdbc.sql("SELECT id, number, name FROM train WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> new Train(id, rs.getString("number"), rs.getString("name"), seatsOf(id)))
                .optional();
    }

    private List<Seat> seatsOf(TrainId train) {
        return jdbc.sql("""
                        SELECT id, wagon, seat_no, seat_class FROM seat WHERE train_id = :train
                        ORDER BY wagon, seat_no""")
                .param("train", train.value())
                .query((rs, n) -> seat(rs))
                .list();
    }

    @Override
    public Optional<Seat> findSeat(TrainId trainId, SeatId seatId) {
        return jdbc.sql("SELECT id, wagon, seat_no, seat_class FROM seat WHERE id = :id AND train_id = :train")
                .param("id", seatId.value())
                .param("train", trainId.value())
                .query((rs, n) -> seat(rs))
                .optional();
    }

    static Seat seat(ResultSet rs) throws SQLException {
        return new Seat(new SeatId(Sql.uuid(rs, "id")), rs.getInt("wagon"), rs.getInt("seat_no"),
                SeatClass.valueOf(rs.getString("seat_class")));
    }

    @Override
    public boolean add(Trip trip) {
        try {
            jdbc.sql("""
                            INSERT INTO trip (id, train_id, status, departs_at, arrives_at)
                            VALUES (:id, :train, :status, :departs, :arrives)""")
                    .param("id", trip.id().value())
                    .param("train", trip.trainId().value())
                    .param("status", trip.status().name())
                    .param("departs", JdbcValues.timestamptz(trip.departure()))
                    .param("arrives", JdbcValues.timestamptz(trip.arrival()))
                    .update();
        } catch (DataAccessException e) {
            if (Sql.hasSqlState(e, Sql.EXCLUSION_VIOLATION)) {
                return false;
            }
            throw e;
        }
        batch.batchUpdate("""
                        INSERT INTO trip_stop (trip_id, stop_index, station_id, city_id, arrives_at, departs_at)
                        VALUES (?, ?, ?, ?, ?, ?)""",
                trip.stops(), 100, (ps, stop) -> {
                    ps.setObject(1, trip.id().value());
                    ps.setInt(2, stop.index());
                    ps.setObject(3, stop.stationId().value());
                    ps.setObject(4, stop.cityId().value());
                    ps.setObject(5, JdbcValues.timestamptz(stop.arrival()));
                    ps.setObject(6, JdbcValues.timestamptz(stop.departure()));
                });
        batch.batchUpdate("INSERT INTO trip_fare (trip_id, seat_class, amount, currency) VALUES (?, ?, ?, ?)",
                List.copyOf(trip.fares().entrySet()), 10, (ps, fare) -> {
                    ps.setObject(1, trip.id().value());
                    ps.setString(2, fare.getKey().name());
                    ps.setBigDecimal(3, fare.getValue().amount());
                    ps.setString(4, fare.getValue().currency());
                });
        return true;
    }

    @Override
    public Optional<Trip> find(TripId id) {
        return loadTrip(id, "");
    }

    @Override
    public Optional<Trip> findForReservation(TripId id) {
        // FOR SHARE conflicts with the UPDATE of a cancellation, not with other reservations
        return loadTrip(id, "FOR SHARE OF t");
    }

    private Optional<Trip> loadTrip(TripId id, String lock) {
        record Header(TrainId trainId, String trainNumber, TripStatus status) {
        }
        return jdbc.sql("""
                        SELECT t.train_id, tr.number, t.status FROM trip t JOIN train tr ON tr.id = t.train_id
                        WHERE t.id = :id""" + " " + lock)
                .param("id", id.value())
                .query((rs, n) -> new Header(new TrainId(Sql.uuid(rs, "train_id")), rs.getString("number"),
                        TripStatus.valueOf(rs.getString("status"))))
                .optional()
                .map(h -> new Trip(id, h.trainId(), h.trainNumber(), h.status(), stopsOf(id), faresOf(id)));
    }

    private List<Stop> stopsOf(TripId trip) {
        return jdbc.sql("""
                        SELECT s.stop_index, s.station_id, st.name, s.city_id, s.arrives_at, s.departs_at
                        FROM trip_stop s JOIN station st ON st.id = s.station_id
                        WHERE s.trip_id = :trip ORDER BY s.stop_index""")
                .param("trip", trip.value())
                .query((rs, n) -> new Stop(rs.getInt("stop_index"), new StationId(Sql.uuid(rs, "station_id")),
                        rs.getString("name"), new CityId(Sql.uuid(rs, "city_id")), JdbcValues.instant(rs, "arrives_at"),
                        JdbcValues.instant(rs, "departs_at")))
                .list();
    }

    private Map<SeatClass, Money> faresOf(TripId trip) {
        Map<SeatClass, Money> fares = new EnumMap<>(SeatClass.class);
        jdbc.sql("SELECT seat_class, amount, currency FROM trip_fare WHERE trip_id = :trip")
                .param("trip", trip.value())
                .query(rs -> {
                    fares.put(SeatClass.valueOf(rs.getString("seat_class")),
                            new Money(rs.getBigDecimal("amount"), rs.getString("currency")));
                });
        return fares;
    }

    @Override
    public boolean markCancelled(TripId id) {
        return jdbc.sql("UPDATE trip SET status = 'CANCELLED' WHERE id = :id AND status = 'SCHEDULED'")
                .param("id", id.value())
                .update() == 1;
    }
}
