package io.ticketing.train.domain.model;

/**
 * A seat that is free for the wanted segment, with the free gap around it on that seat: the seat is free
 * on stop range {@code [gapStart, gapEnd)} and taken (or the route ends) on both sides.
 */
public record SeatCandidate(Seat seat, int gapStart, int gapEnd) {

    /** Free pieces the reservation would leave behind on this seat: 0, 1 or 2. */
    int fragmentsLeft(Segment wanted) {
        return (wanted.from() > gapStart ? 1 : 0) + (wanted.to() < gapEnd ? 1 : 0);
    }

    /** Legs of the gap the reservation would leave unused. */
    int legsLeft(Segment wanted) {
        return (gapEnd - gapStart) - wanted.legs();
    }
}
