package io.ticketing.notification.domain.model;

import java.util.Objects;
import java.util.UUID;

import io.ticketing.platform.error.Validation;

/** Where a user's e-mail goes: what this service knows about a user, from {@code UserRegistered}. */
public record Recipient(UUID userId, String email, String fullName) {

    public Recipient {
        Objects.requireNonNull(userId, "userId");
        new Validation()
                .require(email != null && email.contains("@"), "email", "must be an e-mail address")
                .require(fullName != null, "fullName", "must be present")
                .throwIfInvalid();
    }
}
