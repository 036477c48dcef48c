package io.ticketing.train.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.ticketing.platform.web.PageResponse;
import io.ticketing.train.application.port.in.CityView;
import io.ticketing.train.application.port.in.ReviewPage;
import io.ticketing.train.application.port.in.ReviewView;
import io.ticketing.train.application.port.in.SeatMapEntry;
import io.ticketing.train.application.port.in.StationView;
import io.ticketing.train.application.port.in.TripSearchResult;
import io.ticketing.train.domain.model.CityId;
import io.ticketing.train.domain.model.ReviewId;
import io.ticketing.train.domain.model.Segment;
import io.ticketing.train.domain.model.StationId;
import io.ticketing.train.domain.model.Trip;
import io.ticketing.train.domain.model.TripId;
import org.jspecify.annotations.Nullable;

/** Query-shaped reads, each answered by one statement. */
public interface CatalogReadModel {

    PageResponse<CityView> cities(@Nullable String prefix, PageResponse.PageRequest page);

    Optional<CityView> city(CityId id);

    PageResponse<StationView> stations(@Nullable CityId cityId, PageResponse.PageRequest page);

    Optional<StationView> station(StationId id);

    /** Scheduled trips leaving a stop in {@code from} in {@code [after, before)} and reaching {@code to} later. */
    PageResponse<TripSearchResult> search(CityId from, CityId to, Instant after, Instant before,
            PageResponse.PageRequest page);

    List<SeatMapEntry> seatMap(Trip trip, Segment segment);

    ReviewPage reviews(TripId tripId, PageResponse.PageRequest page);

    Optional<ReviewView> review(TripId tripId, ReviewId id);
}
