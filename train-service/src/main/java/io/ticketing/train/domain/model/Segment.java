package io.ticketing.train.domain.model;

/**
 * A part of a trip as a half-open range of stop indexes {@code [from, to)}: the seat is used from the
 * departure at stop {@code from} until the arrival at stop {@code to}. A seat sold 0->1 is free for 1->2.
 */
public record Segment(int from, int to) {

    public Segment {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("A segment needs 0 <= from < to, got [" + from + ", " + to + ")");
        }
    }

    public boolean overlaps(Segment other) {
        return from < other.to && other.from < to;
    }

    /** Number of legs between consecutive stops it spans. */
    public int legs() {
        return to - from;
    }
}
