package io.ticketing.user.application.port.out;

import java.time.Instant;
import java.util.List;

/**
 * Failed logins per e-mail address, kept in the database so the limit holds across replicas. Stores only a
 * hash of the address: whatever people type into the login form is not kept in clear.
 */
public interface LoginFailureLog {

    /**
     * Makes attempts on one address wait for each other until the current transaction ends, so that reading the
     * failures and recording one more is a single step.
     */
    void lock(String normalizedEmail);

    /** Failure times at or after {@code since}, oldest first. */
    List<Instant> failuresSince(String normalizedEmail, Instant since);

    /** Records a failure and forgets failures older than {@code forgetBefore} (for every address). */
    void record(String normalizedEmail, Instant at, Instant forgetBefore);

    void clear(String normalizedEmail);
}
