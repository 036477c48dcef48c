package io.ticketing.user.domain.model;

import java.time.Instant;
import java.util.Set;

/** An account was created. Carries no credential of any kind. */
public record UserRegistered(UserId userId, EmailAddress email, String fullName, Set<Role> roles,
        Instant registeredAt) {
}
