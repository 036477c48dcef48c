package io.ticketing.train.application.port.in;

import java.time.LocalDate;
import java.util.List;

import io.ticketing.platform.web.PageResponse;
import io.ticketing.train.domain.model.CityId;
import io.ticketing.train.domain.model.ReviewId;
import io.ticketing.train.domain.model.StationId;
import io.ticketing.train.domain.model.TripId;

/** Reads of trips: search, detail, seat map and reviews. */
public interface GetTripsQuery {

    /** Scheduled trips that stop in {@code from} and later in {@code to}, leaving {@code from} on that UTC date. */
    PageResponse<TripSearchResult> search(CityId from, CityId to, LocalDate date, PageResponse.PageRequest page);

    /** 404 if unknown. */
    TripView trip(TripId id);

    /** Every seat of the trip's train with whether it is free from one station to a later one; 404, 422. */
    List<SeatMapEntry> seatMap(TripId id, StationId from, StationId to);

    /** 404 if the trip is unknown. */
    ReviewPage reviews(TripId id, PageResponse.PageRequest page);

    /** One review of the trip (where a posted review's Location points); 404 if either is unknown. */
    ReviewView review(TripId id, ReviewId reviewId);
}
