package io.ticketing.train.domain.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Which free seat to give a traveller who asked only for a class. Prefer seats where the reservation
 * closes a gap between already sold segments (fewest free fragments left, then the tightest gap), so seats
 * free along the whole route stay available for long journeys. Equally good seats come in random order,
 * so concurrent bookings spread over them instead of all racing for the same one.
 */
public final class SeatChoice {

    private SeatChoice() {
    }

    public static List<SeatCandidate> rank(Segment wanted, List<SeatCandidate> free, RandomGenerator random) {
        List<SeatCandidate> ranked = new ArrayList<>(free);
        Collections.shuffle(ranked, random);
        ranked.sort(Comparator.<SeatCandidate>comparingInt(c -> c.fragmentsLeft(wanted))
                .thenComparingInt(c -> c.legsLeft(wanted)));
        return ranked;
    }
}
