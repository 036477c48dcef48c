package io.ticketing.train.adapter.in.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.ticketing.platform.web.PageResponse;
import io.ticketing.train.application.port.in.GetTripsQuery;
import io.ticketing.train.application.port.in.ReviewPage;
import io.ticketing.train.application.port.in.ReviewView;
import io.ticketing.train.application.port.in.SeatMapEntry;
import io.ticketing.train.application.port.in.TripSearchResult;
import io.ticketing.train.application.port.in.TripView;
import io.ticketing.train.domain.model.CityId;
import io.ticketing.train.domain.model.ReviewId;
import io.ticketing.train.domain.model.StationId;
import io.ticketing.train.domain.model.TripId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public reads of trips: search, detail, seat map per segment and reviews. */
@RestController
@RequestMapping("/api/v1/trips")
class TripController {

    private final GetTripsQuery trips;

    TripController(GetTripsQuery trips) {
        this.trips = trips;
    }

    @GetMapping
    PageResponse<TripSearchResult> search(@RequestParam UUID from, @RequestParam UUID to,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return trips.search(new CityId(from), new CityId(to), date, new PageResponse.PageRequest(page, size));
    }

    @GetMapping("/{id}")
    TripView trip(@PathVariable UUID id) {
        return trips.trip(new TripId(id));
    }

    @GetMapping("/{id}/seats")
    List<SeatMapEntry> seats(@PathVariable UUID id, @RequestParam UUID from, @RequestParam UUID to) {
        return trips.seatMap(new TripId(id), new StationId(from), new StationId(to));
    }

    @GetMapping("/{id}/reviews")
    ReviewPage reviews(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return trips.reviews(new TripId(id), new PageResponse.PageRequest(page, size));
    }

    @GetMapping("/{id}/reviews/{reviewId}")
    ReviewView review(@PathVariable UUID id, @PathVariable UUID reviewId) {
        return trips.review(new TripId(id), new ReviewId(reviewId));
    }
}
