package io.ticketing.train.domain.model;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a ticket seen cancelled, expired or released is remembered. While it is, a request for the ticket
 * that arrives late is refused instead of holding a seat nobody will ever pay for; after that, no copy of the
 * request can arrive any more, so the memory can go.
 */
public record ClosedTicketRetention(Duration keep) {

    /** Covers redeliveries still in progress when the horizon is reached, and clocks that disagree. */
    static final Duration MARGIN = Duration.ofDays(1);

    /**
     * @param keep               how long to remember a closed ticket
     * @param lateRequestHorizon how long after a ticket closed a request for it may still be delivered
     * @throws IllegalArgumentException when {@code keep} does not outlive the horizon by {@link #MARGIN}
     */
    public static ClosedTicketRetention outliving(Duration lateRequestHorizon, Duration keep) {
        if (keep.compareTo(lateRequestHorizon.plus(MARGIN)) < 0) {
            throw new IllegalArgumentException("Closed tickets must be kept at least " + MARGIN + " longer than "
                    + lateRequestHorizon + ", the time a request for them may still arrive; got " + keep);
        }
        return new ClosedTicketRetention(keep);
    }

    public ClosedTicketRetention {
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("keep must be positive");
        }
    }

    /** Tickets closed before this instant may be forgotten. */
    public Instant forgetClosedBefore(Instant now) {
        return now.minus(keep);
    }
}
