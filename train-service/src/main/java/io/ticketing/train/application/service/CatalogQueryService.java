package io.ticketing.train.application.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.web.PageResponse;
import io.ticketing.train.application.port.in.CityView;
import io.ticketing.train.application.port.in.GetCatalogQuery;
import io.ticketing.train.application.port.in.GetTripsQuery;
import io.ticketing.train.application.port.in.ReviewPage;
import io.ticketing.train.application.port.in.ReviewView;
import io.ticketing.train.application.port.in.SeatMapEntry;
import io.ticketing.train.application.port.in.StationView;
import io.ticketing.train.application.port.in.TrainView;
import io.ticketing.train.application.port.in.TripSearchResult;
import io.ticketing.train.application.port.in.TripView;
import io.ticketing.train.application.port.out.CatalogReadModel;
import io.ticketing.train.application.port.out.TrainRepository;
import io.ticketing.train.application.port.out.TripRepository;
import io.ticketing.train.domain.model.CityId;
import io.ticketing.train.domain.model.ReviewId;
import io.ticketing.train.domain.model.Segment;
import io.ticketing.train.domain.model.StationId;
import io.ticketing.train.domain.model.TrainId;
import io.ticketing.train.domain.model.Trip;
import io.ticketing.train.domain.model.TripId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class CatalogQueryService implements GetCatalogQuery, GetTripsQuery {

    /** Days a search may name: any a timetable can hold, none that overflows a timestamp. */
    private static final LocalDate FIRST_SEARCHABLE_DAY = LocalDate.of(1970, 1, 1);
    private static final LocalDate LAST_SEARCHABLE_DAY = LocalDate.of(9999, 12, 31);

    private final CatalogReadModel readModel;
    private final TrainRepository trains;
    private final TripRepository trips;

    CatalogQueryService(CatalogReadModel readModel, TrainRepository trains, TripRepository trips) {
        this.readModel = readModel;
        this.trains = trains;
        this.trips = trips;
    }

    @Override
    public PageResponse<CityView> cities(@Nullable String prefix, PageResponse.PageRequest page) {
        return readModel.cities(prefix == null || prefix.isBlank() ? null : prefix.strip(), page);
    }

    @Override
    public CityView city(CityId id) {
        return readModel.city(id).orElseThrow(() -> DomainProblem.notFound("Unknown city " + id));
    }

    @Override
    public StationView station(StationId id) {
        return readModel.station(id).orElseThrow(() -> DomainProblem.notFound("Unknown station " + id));
    }

    @Override
    public PageResponse<StationView> stations(@Nullable CityId cityId, PageResponse.PageRequest page) {
        return readModel.stations(cityId, page);
    }

    @Override
    public TrainView train(TrainId id) {
        return TrainView.of(trains.find(id).orElseThrow(() -> DomainProblem.notFound("Unknown train " + id)));
    }

    @Override
    public PageResponse<TripSearchResult> search(CityId from, CityId to, LocalDate date,
            PageResponse.PageRequest page) {
        if (from.equals(to)) {
            throw DomainProblem.invalid("to", "must differ from from");
        }
        if (date.isBefore(FIRST_SEARCHABLE_DAY) || date.isAfter(LAST_SEARCHABLE_DAY)) {
            throw DomainProblem.invalid("date",
                    "must be between " + FIRST_SEARCHABLE_DAY + " and " + LAST_SEARCHABLE_DAY);
        }
        Instant dayStart = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        return readModel.search(from, to, dayStart, date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), page);
    }

    @Override
    public TripView trip(TripId id) {
        return TripView.of(existing(id));
    }

    @Override
    public List<SeatMapEntry> seatMap(TripId id, StationId from, StationId to) {
        Trip trip = existing(id);
        Segment segment = trip.segment(from, to).orElseThrow(() -> DomainProblem.ruleViolated("INVALID_SEGMENT",
                "The trip does not go from station " + from + " to station " + to));
        return readModel.seatMap(trip, segment);
    }

    @Override
    public ReviewPage reviews(TripId id, PageResponse.PageRequest page) {
        existing(id);
        return readModel.reviews(id, page);
    }

    @Override
    public ReviewView review(TripId id, ReviewId reviewId) {
        return readModel.review(id, reviewId)
                .orElseThrow(() -> DomainProblem.notFound("No review " + reviewId + " of trip " + id));
    }

    private Trip existing(TripId id) {
        return trips.find(id).orElseThrow(() -> DomainProblem.notFound("Unknown trip " + id));
    }
}
