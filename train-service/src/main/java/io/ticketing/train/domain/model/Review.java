package io.ticketing.train.domain.model;

import java.time.Instant;
import java.util.UUID;

/** A traveller's opinion of a trip they had a confirmed ticket for. */
public record Review(ReviewId id, TripId tripId, UUID userId, int rating, String comment, Instant createdAt) {

    public static final int MAX_COMMENT_LENGTH = 2000;

    public Review {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating must be between 1 and 5");
        }
        if (comment.length() > MAX_COMMENT_LENGTH) {
            throw new IllegalArgumentException("comment too long");
        }
    }
}
