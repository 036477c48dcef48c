package io.ticketing.user.domain.model;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** An account. Immutable: changes return a new instance. */
public final class User {

    private final UserId id;
    private final EmailAddress email;
    private final String fullName;
    private final Set<Role> roles;
    private final String passwordHash;
    private final Instant createdAt;
    private final Instant updatedAt;

    public User(UserId id, EmailAddress email, String fullName, Set<Role> roles, String passwordHash,
            Instant createdAt, Instant updatedAt) {
        if (!roles.contains(Role.USER)) {
            throw new IllegalArgumentException("Every account has role USER");
        }
        this.id = id;
        this.email = email;
        this.fullName = fullName;
        this.roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A new account together with the event announcing it. */
    public record Registration(User user, UserRegistered event) {
    }

    public static Registration register(UserId id, EmailAddress email, String fullName, Set<Role> roles,
            String passwordHash, Instant now) {
        Set<Role> withUser = EnumSet.of(Role.USER);
        withUser.addAll(roles);
        User user = new User(id, email, fullName, withUser, passwordHash, now, now);
        return new Registration(user, new UserRegistered(id, email, fullName, user.roles, now));
    }

    /** This account with {@code role} added; the same account when it already has it. */
    public User grant(Role role, Instant now) {
        if (roles.contains(role)) {
            return this;
        }
        Set<Role> more = EnumSet.copyOf(roles);
        more.add(role);
        return new User(id, email, fullName, more, passwordHash, createdAt, now);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public UserId id() {
        return id;
    }

    public EmailAddress email() {
        return email;
    }

    public String fullName() {
        return fullName;
    }

    /** In declaration order: USER before ADMIN. */
    public Set<Role> roles() {
        return roles;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "User[" + id + ", roles=" + roles + "]";
    }

}
