package io.ticketing.train.domain.model;

public enum SeatClass {
    FIRST,
    SECOND
}
