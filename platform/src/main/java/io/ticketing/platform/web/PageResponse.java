package io.ticketing.platform.web;

import java.util.List;
import java.util.function.Function;

import io.ticketing.platform.error.Validation;

/** The paged list shape of API.md: {@code {items, page, size, totalItems}}. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems) {

    public static final int MAX_SIZE = 100;

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), page, size, totalItems);
    }

    /** Paging parameters as clients send them; refuses negative pages and sizes outside 1..100 (400). */
    public record PageRequest(int page, int size) {
        public PageRequest {
            new Validation()
                    .require(page >= 0, "page", "must be >= 0")
                    .require(size >= 1 && size <= MAX_SIZE, "size", "must be between 1 and " + MAX_SIZE)
                    .throwIfInvalid();
        }

        public long offset() {
            return (long) page * size;
        }
    }
}
