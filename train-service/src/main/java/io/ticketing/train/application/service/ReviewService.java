package io.ticketing.train.application.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.messaging.Ids;
import io.ticketing.train.application.port.in.PostReviewCommand;
import io.ticketing.train.application.port.in.PostReviewUseCase;
import io.ticketing.train.application.port.in.ReviewView;
import io.ticketing.train.application.port.out.ReviewRepository;
import io.ticketing.train.application.port.out.TravellerRepository;
import io.ticketing.train.application.port.out.TripRepository;
import io.ticketing.train.domain.model.Review;
import io.ticketing.train.domain.model.ReviewId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class ReviewService implements PostReviewUseCase {

    private final TripRepository trips;
    private final TravellerRepository travellers;
    private final ReviewRepository reviews;
    private final Clock clock;

    ReviewService(TripRepository trips, TravellerRepository travellers, ReviewRepository reviews, Clock clock) {
        this.trips = trips;
        this.travellers = travellers;
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    public ReviewView postReview(PostReviewCommand command) {
        if (trips.find(command.trip()).isEmpty()) {
            throw DomainProblem.notFound("Unknown trip " + command.tripId());
        }
        if (!travellers.travels(command.trip(), command.userId())) {
            throw DomainProblem.forbidden("Only travellers with a confirmed ticket on this trip may review it");
        }
        Review review = new Review(new ReviewId(Ids.newId()), command.trip(), command.userId(), command.rating(),
                // PostgreSQL keeps microseconds: the answer must read as the stored review does
                command.comment(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (!reviews.add(review)) {
            throw DomainProblem.conflict("REVIEW_EXISTS", "You have already reviewed this trip");
        }
        return ReviewView.of(review);
    }
}
