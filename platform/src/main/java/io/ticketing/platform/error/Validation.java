package io.ticketing.platform.error;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects field violations so a command record can report every bad field at once.
 * <pre>{@code
 * new Validation()
 *     .require(name != null && !name.isBlank(), "name", "must not be blank")
 *     .throwIfInvalid();
 * }</pre>
 */
public final class Validation {

    private final List<FieldViolation> violations = new ArrayList<>();

    public Validation require(boolean condition, String field, String message) {
        if (!condition) {
            violations.add(new FieldViolation(field, message));
        }
        return this;
    }

    public boolean hasViolation(String field) {
        return violations.stream().anyMatch(v -> v.field().equals(field));
    }

    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw DomainProblem.invalid(violations);
        }
    }
}
