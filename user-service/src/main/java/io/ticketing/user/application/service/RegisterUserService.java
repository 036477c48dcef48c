package io.ticketing.user.application.service;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import io.ticketing.platform.messaging.Ids;
import io.ticketing.user.application.port.in.RegisterUserCommand;
import io.ticketing.user.application.port.in.RegisterUserUseCase;
import io.ticketing.user.application.port.in.UserProfile;
import io.ticketing.user.application.port.out.PasswordHasher;
import io.ticketing.user.application.port.out.UserEventPublisher;
import io.ticketing.user.application.port.out.UserRepository;
import io.ticketing.user.domain.model.EmailAlreadyTaken;
import io.ticketing.user.domain.model.Role;
import io.ticketing.user.domain.model.User;
import io.ticketing.user.domain.model.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

@Service
class RegisterUserService implements RegisterUserUseCase {

    private static final Logger log = LoggerFactory.getLogger(RegisterUserService.class);

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final UserEventPublisher events;
    private final TransactionOperations transactions;
    private final Clock clock;

    RegisterUserService(UserRepository users, PasswordHasher hasher, UserEventPublisher events,
            TransactionOperations transactions, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public UserProfile register(RegisterUserCommand command) {
        return UserProfile.of(register(command, EnumSet.of(Role.USER)));
    }

    /**
     * The slow hash is computed before the transaction so no database connection waits on it. The existence
     * check only spares that work for obvious duplicates; the unique index decides races.
     */
    User register(RegisterUserCommand command, Set<Role> roles) {
        if (users.existsByEmail(command.email())) {
            throw new EmailAlreadyTaken();
        }
        String hash = hasher.hash(command.password());
        User.Registration registration = User.register(new UserId(Ids.newId()), command.email(), command.fullName(),
                roles, hash, clock.instant());
        transactions.executeWithoutResult(status -> {
            users.add(registration.user());
            events.publish(registration.event());
        });
        log.info("User {} registered with roles {}", registration.user().id(), registration.user().roles());
        return registration.user();
    }
}
