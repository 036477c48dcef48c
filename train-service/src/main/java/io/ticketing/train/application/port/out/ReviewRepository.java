package io.ticketing.train.application.port.out;

import io.ticketing.train.domain.model.Review;

public interface ReviewRepository {

    /** False when the user already reviewed the trip. */
    boolean add(Review review);
}
