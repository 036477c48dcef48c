package io.ticketing.train.application.port.in;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A page of a trip's reviews (the platform's page shape) with the average over all of them. */
public record ReviewPage(List<ReviewView> items, int page, int size, long totalItems,
        @Nullable Double averageRating) {
}
