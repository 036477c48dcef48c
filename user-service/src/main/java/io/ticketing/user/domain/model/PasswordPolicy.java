package io.ticketing.user.domain.model;

import java.util.Optional;

/** What a new password must satisfy: 10 to 128 characters, and not the account's own e-mail address. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** Why {@code password} is refused for the account {@code normalizedEmail}, or empty when it is acceptable. */
    public static Optional<String> violation(String password, String normalizedEmail) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of("must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (!normalizedEmail.isEmpty() && EmailAddress.normalize(password).equals(normalizedEmail)) {
            return Optional.of("must not be the e-mail address");
        }
        return Optional.empty();
    }
}
