package io.ticketing.user.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.ticketing.user.application.port.in.LogInCommand;
import io.ticketing.user.application.port.in.LogInUseCase;
import io.ticketing.user.application.port.in.SessionTokens;
import io.ticketing.user.application.port.out.LoginFailureLog;
import io.ticketing.user.application.port.out.PasswordHasher;
import io.ticketing.user.application.port.out.UserRepository;
import io.ticketing.user.domain.model.InvalidCredentials;
import io.ticketing.user.domain.model.LoginThrottle;
import io.ticketing.user.domain.model.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Password login. Unknown e-mail and wrong password take the same path (a decoy hash check for unknown
 * addresses) and end in the same 401; failures count per address, unknown ones included, so the throttle
 * does not reveal which addresses exist either. The password check runs outside any transaction.
 */
@Service
class LogInService implements LogInUseCase {

    private static final Logger log = LoggerFactory.getLogger(LogInService.class);

    private final UserRepository users;
    private final LoginFailureLog failures;
    private final PasswordHasher hasher;
    private final SessionIssuer sessions;
    private final LoginThrottle throttle;
    private final TransactionOperations transactions;
    private final Clock clock;

    LogInService(UserRepository users, LoginFailureLog failures, PasswordHasher hasher, SessionIssuer sessions,
            LoginThrottle throttle, TransactionOperations transactions, Clock clock) {
        this.users = users;
        this.failures = failures;
        this.hasher = hasher;
        this.sessions = sessions;
        this.throttle = throttle;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public SessionTokens logIn(LogInCommand command) {
        Instant now = clock.instant();
        throttle.check(failures.failuresSince(command.email(), throttle.windowStart(now)), now);
        Optional<User> user = users.findByEmail(command.email());
        boolean valid = user.isPresent()
                ? hasher.matches(command.password(), user.get().passwordHash())
                : hasher.matchesNothing(command.password());
        if (!valid) {
            failures.record(command.email(), now, throttle.windowStart(now));
            log.info("Login refused: wrong credentials");
            throw new InvalidCredentials();
        }
        SessionTokens tokens = transactions.execute(status -> {
            failures.clear(command.email());
            return sessions.start(user.get(), now);
        });
        log.info("User {} logged in", user.get().id());
        return tokens;
    }
}
