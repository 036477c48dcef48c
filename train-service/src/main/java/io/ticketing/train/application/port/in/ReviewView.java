package io.ticketing.train.application.port.in;

import java.time.Instant;
import java.util.UUID;

import io.ticketing.train.domain.model.Review;

public record ReviewView(UUID id, UUID tripId, UUID userId, int rating, String comment, Instant createdAt) {

    public static ReviewView of(Review review) {
        return new ReviewView(review.id().value(), review.tripId().value(), review.userId(), review.rating(),
                review.comment(), review.createdAt());
    }
}
