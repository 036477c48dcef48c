package io.ticketing.user.domain.model;

import java.util.Optional;

/** A person's display name: trimmed, 1 to 100 characters, no control characters. */
public final class FullName {

    public static final int MAX_LENGTH = 100;

    private FullName() {
    }

    public static String normalize(String raw) {
        return raw.strip();
    }

    /** Why a normalized name is refused, or empty when it is acceptable. */
    public static Optional<String> violation(String normalized) {
        int length = normalized.codePointCount(0, normalized.length());
        if (length < 1 || length > MAX_LENGTH) {
            return Optional.of("must be between 1 and " + MAX_LENGTH + " characters");
        }
        if (normalized.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("must not contain control characters");
        }
        return Optional.empty();
    }
}
