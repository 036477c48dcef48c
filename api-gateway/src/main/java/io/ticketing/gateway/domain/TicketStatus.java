package io.ticketing.gateway.domain;

public enum TicketStatus {
    PENDING, CONFIRMED, REJECTED, CANCELLED, EXPIRED;

    /** No further change is possible: cancelling such a ticket is a conflict. */
    public boolean isFinal() {
        return this == REJECTED || this == CANCELLED || this == EXPIRED;
    }
}
