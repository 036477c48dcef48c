package io.ticketing.ticket.domain.model;

public enum SeatClass {
    FIRST,
    SECOND
}
