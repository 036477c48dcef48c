package io.ticketing.train.application.port.in;

import java.util.UUID;

import io.ticketing.platform.error.Validation;
import io.ticketing.train.domain.model.Review;
import io.ticketing.train.domain.model.TripId;

public record PostReviewCommand(String tripId, UUID userId, int rating, String comment) {

    public PostReviewCommand {
        comment = comment.strip();
        new Validation()
                .require(CommandFields.isUuid(tripId), "tripId", "must be a UUID")
                .require(rating >= 1 && rating <= 5, "rating", "must be between 1 and 5")
                .require(comment.length() <= Review.MAX_COMMENT_LENGTH, "comment",
                        "must be at most " + Review.MAX_COMMENT_LENGTH + " characters")
                .throwIfInvalid();
    }

    public TripId trip() {
        return new TripId(UUID.fromString(tripId));
    }
}
