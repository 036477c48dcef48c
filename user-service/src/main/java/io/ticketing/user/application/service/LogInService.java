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
 * does not reveal which addresses exist either. An attempt counts as a failure before its password is checked
 * (checked and counted in one step under the address's lock), so parallel attempts cannot all pass the throttle
 * on the same count; a right password then clears the count. The password check runs outside any transaction.
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
        countAttempt(command.email(), now);
        Optional<User> user = users.findByEmail(command.email());
        boolean valid = user.isPresent()
                ? hasher.matches(command.password(), user.get().passwordHash())
                : hasher.matchesNothing(command.password());
        if (!valid) {
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

    /** Refuses the attempt if the address is locked, else records it as failed until the password proves right. */
    private void countAttempt(String email, Instant now) {
        transactions.executeWithoutResult(status -> {
            failures.lock(email);
            throttle.check(failures.failuresSince(email, throttle.windowStart(now)), now);
            failures.record(email, now, throttle.windowStart(now));
        });
    }
}
