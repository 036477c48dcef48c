package io.ticketing.platform.error;

/** One rejected input field and why, as reported in a problem's {@code errors[]}. */
public record FieldViolation(String field, String message) {
}
