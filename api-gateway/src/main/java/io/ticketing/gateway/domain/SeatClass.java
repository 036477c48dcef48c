package io.ticketing.gateway.domain;

public enum SeatClass {
    FIRST, SECOND
}
