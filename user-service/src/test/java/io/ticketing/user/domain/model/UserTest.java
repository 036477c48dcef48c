package io.ticketing.user.domain.model;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void registrationAlwaysGrantsUserAndAnnouncesTheAccount() {
        UserId id = new UserId(UUID.randomUUID());

        User.Registration registration = User.register(id, EmailAddress.parse("ann@example.com"), "Ann",
                Set.of(Role.ADMIN), "$2a$hash", NOW);

        assertThat(registration.user().roles()).containsExactly(Role.USER, Role.ADMIN);
        assertThat(registration.event()).isEqualTo(new UserRegistered(id, EmailAddress.parse("ann@example.com"),
                "Ann", EnumSet.of(Role.USER, Role.ADMIN), NOW));
    }

    @Test
    void grantingIsIdempotent() {
        User user = User.register(new UserId(UUID.randomUUID()), EmailAddress.parse("a@example.com"), "A",
                Set.of(Role.USER), "$2a$hash", NOW).user();

        User admin = user.grant(Role.ADMIN, NOW.plusSeconds(5));

        assertThat(admin.roles()).containsExactly(Role.USER, Role.ADMIN);
        assertThat(admin.updatedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(admin.grant(Role.ADMIN, NOW.plusSeconds(9))).isSameAs(admin);
    }

    @Test
    void printingAUserShowsNoCredential() {
        User user = User.register(new UserId(UUID.randomUUID()), EmailAddress.parse("a@example.com"), "A",
                Set.of(), "$2a$10$secretHash", NOW).user();

        assertThat(user.toString()).doesNotContain("secretHash");
    }
}
