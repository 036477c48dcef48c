package io.ticketing.user.domain.model;

import java.time.Duration;

import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.ProblemKind;

/** Too many failed logins for one e-mail address; the caller may try again after {@link #retryAfter()}. */
public final class TooManyLoginAttempts extends DomainProblem {

    private final Duration retryAfter;

    public TooManyLoginAttempts(Duration retryAfter) {
        super(ProblemKind.TOO_MANY_REQUESTS, "LOGIN_THROTTLED",
                "Too many failed logins for this account; try again in " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
