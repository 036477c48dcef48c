package io.ticketing.train.application.port.in;

import java.util.UUID;

import io.ticketing.train.domain.model.SeatClass;

/** A seat and whether it is free for the asked segment. */
public record SeatMapEntry(UUID id, int wagon, String number, SeatClass seatClass, boolean free) {
}
