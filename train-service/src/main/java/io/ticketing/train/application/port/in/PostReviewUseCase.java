package io.ticketing.train.application.port.in;

public interface PostReviewUseCase {

    /** 404 unknown trip, 403 without a confirmed ticket on it, 409 for a second review of the same trip. */
    ReviewView postReview(PostReviewCommand command);
}
