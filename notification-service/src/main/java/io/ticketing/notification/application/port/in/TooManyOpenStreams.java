package io.ticketing.notification.application.port.in;

import java.time.Duration;

import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.ProblemKind;

/**
 * The user already watches with as many streams as one replica allows; the caller may try again after
 * {@link #retryAfter()}, by when one of them may have closed.
 */
public final class TooManyOpenStreams extends DomainProblem {

    private final Duration retryAfter;

    public TooManyOpenStreams(int limit, Duration retryAfter) {
        super(ProblemKind.TOO_MANY_REQUESTS, "TOO_MANY_STREAMS", "At most " + limit
                + " notification streams may be open at once; close one or try again in "
                + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
