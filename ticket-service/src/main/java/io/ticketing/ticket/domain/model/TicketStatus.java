package io.ticketing.ticket.domain.model;

public enum TicketStatus {
    PENDING,
    CONFIRMED,
    REJECTED,
    CANCELLED,
    EXPIRED;

    /** A settled ticket never changes again. */
    public boolean isFinal() {
        return this == REJECTED || this == CANCELLED || this == EXPIRED;
    }
}
