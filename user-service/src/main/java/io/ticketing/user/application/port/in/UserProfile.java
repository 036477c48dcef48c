package io.ticketing.user.application.port.in;

import java.util.List;
import java.util.UUID;

import io.ticketing.user.domain.model.Role;
import io.ticketing.user.domain.model.User;

/** What anyone may see of an account: {@code {id, email, fullName, roles}}. */
public record UserProfile(UUID id, String email, String fullName, List<String> roles) {

    public static UserProfile of(User user) {
        return new UserProfile(user.id().value(), user.email().value(), user.fullName(),
                user.roles().stream().map(Role::name).toList());
    }
}
