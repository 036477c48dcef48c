package io.ticketing.train.application.port.in;

import io.ticketing.train.domain.model.TicketId;

/** The ticket is over (cancelled, expired or its hold no longer wanted): free whatever it holds. */
public record ReleaseSeatCommand(TicketId ticketId, Cause cause) {

    public enum Cause {
        CANCELLED,
        EXPIRED,
        RELEASE_REQUESTED
    }
}
