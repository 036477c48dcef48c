package io.ticketing.user.application.service;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;

import io.ticketing.user.application.port.in.BootstrapAdminUseCase;
import io.ticketing.user.application.port.in.RegisterUserCommand;
import io.ticketing.user.application.port.out.PasswordHasher;
import io.ticketing.user.application.port.out.UserRepository;
import io.ticketing.user.domain.model.EmailAlreadyTaken;
import io.ticketing.user.domain.model.Role;
import io.ticketing.user.domain.model.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * An existing account with the admin e-mail only becomes ADMIN when it also has the configured password:
 * otherwise anyone who registered that address first would be promoted.
 */
@Service
class BootstrapAdminService implements BootstrapAdminUseCase {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdminService.class);

    private final RegisterUserService registration;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TransactionOperations transactions;
    private final Clock clock;

    BootstrapAdminService(RegisterUserService registration, UserRepository users, PasswordHasher hasher,
            TransactionOperations transactions, Clock clock) {
        this.registration = registration;
        this.users = users;
        this.hasher = hasher;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void ensureAdmin(RegisterUserCommand admin) {
        Optional<User> existing = users.findByEmail(admin.email().value());
        if (existing.isEmpty()) {
            try {
                User created = registration.register(admin, EnumSet.of(Role.USER, Role.ADMIN));
                log.info("Administrator account {} created", created.id());
                return;
            } catch (EmailAlreadyTaken raced) {
                existing = users.findByEmail(admin.email().value()); // another replica created it meanwhile
            }
        }
        existing.ifPresent(user -> promote(user, admin));
    }

    private void promote(User user, RegisterUserCommand admin) {
        if (user.hasRole(Role.ADMIN)) {
            log.info("Administrator account {} present", user.id());
        } else if (hasher.matches(admin.password(), user.passwordHash())) {
            transactions.executeWithoutResult(status -> users.update(user.grant(Role.ADMIN, clock.instant())));
            log.info("Account {} granted ADMIN", user.id());
        } else {
            log.error("Account {} has the administrator e-mail but another password; not granting ADMIN",
                    user.id());
        }
    }
}
