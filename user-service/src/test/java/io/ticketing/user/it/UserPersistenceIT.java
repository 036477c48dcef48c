package io.ticketing.user.it;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import io.ticketing.user.application.port.out.UserRepository;
import io.ticketing.user.domain.model.EmailAddress;
import io.ticketing.user.domain.model.EmailAlreadyTaken;
import io.ticketing.user.domain.model.Role;
import io.ticketing.user.domain.model.User;
import io.ticketing.user.domain.model.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The account adapter against real PostgreSQL: what is stored comes back unchanged. */
class UserPersistenceIT extends IntegrationTestBase {

    /** PostgreSQL keeps microseconds. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Autowired
    UserRepository users;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void storesAndLoadsEveryField() {
        User user = new User(new UserId(UUID.randomUUID()), EmailAddress.parse(UserApi.uniqueEmail("fields")),
                "Ann Lee", EnumSet.of(Role.USER, Role.ADMIN), "$2a$04$hash", NOW.minus(Duration.ofDays(3)), NOW);

        transactions.executeWithoutResult(s -> users.add(user));

        assertThat(users.findById(user.id())).get().usingRecursiveComparison().isEqualTo(user);
        assertThat(users.findByEmail(user.email().value())).get().usingRecursiveComparison().isEqualTo(user);
        assertThat(users.existsByEmail(user.email())).isTrue();
    }

    @Test
    void unknownAccountsAreAbsent() {
        EmailAddress nobody = EmailAddress.parse(UserApi.uniqueEmail("nobody"));

        assertThat(users.findById(new UserId(UUID.randomUUID()))).isEmpty();
        assertThat(users.findByEmail(nobody.value())).isEmpty();
        assertThat(users.existsByEmail(nobody)).isFalse();
    }

    @Test
    void anUpdateStoresTheChangedAccount() {
        User user = user(UserApi.uniqueEmail("grant"));
        transactions.executeWithoutResult(s -> users.add(user));
        User admin = user.grant(Role.ADMIN, NOW.plusSeconds(60));

        transactions.executeWithoutResult(s -> users.update(admin));

        User stored = users.findById(user.id()).orElseThrow();
        assertThat(stored.roles()).containsExactly(Role.USER, Role.ADMIN);
        assertThat(stored.updatedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(stored.createdAt()).isEqualTo(NOW);
    }

    @Test
    void anUpdateOfAnAccountThatIsNotStoredFailsAndStoresNothing() {
        User ghost = user(UserApi.uniqueEmail("ghost"));

        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> users.update(ghost)))
                .isInstanceOf(IncorrectUpdateSemanticsDataAccessException.class);
        assertThat(users.findById(ghost.id())).isEmpty();
    }

    /** Only the e-mail's unique constraint means EMAIL_TAKEN; a reused id is a plain error. */
    @Test
    void aReusedIdIsNotMistakenForATakenEmail() {
        User first = user(UserApi.uniqueEmail("first"));
        transactions.executeWithoutResult(s -> users.add(first));
        User sameId = new User(first.id(), EmailAddress.parse(UserApi.uniqueEmail("second")), "Other",
                Set.of(Role.USER), "$2a$04$hash", NOW, NOW);

        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> users.add(sameId)))
                .isInstanceOf(DuplicateKeyException.class)
                .isNotInstanceOf(EmailAlreadyTaken.class);
        assertThat(usersWithEmail(sameId.email().value())).isZero();
    }

    private static User user(String email) {
        return new User(new UserId(UUID.randomUUID()), EmailAddress.parse(email), "Someone", Set.of(Role.USER),
                "$2a$04$hash", NOW, NOW);
    }
}
