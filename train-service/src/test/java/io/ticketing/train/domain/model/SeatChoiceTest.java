package io.ticketing.train.domain.model;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeatChoiceTest {

    /** A trip of 5 stops (legs 0..4); the traveller wants stop 1 to stop 3. */
    private static final Segment WANTED = new Segment(1, 3);

    private static SeatCandidate seat(int number, int gapStart, int gapEnd) {
        return new SeatCandidate(new Seat(new SeatId(UUID.randomUUID()), 1, number, SeatClass.SECOND), gapStart,
                gapEnd);
    }

    private static int first(List<SeatCandidate> candidates) {
        return SeatChoice.rank(WANTED, candidates, new Random(1)).getFirst().seat().number();
    }

    @Test
    void prefersASeatWhoseGapTheSegmentFillsExactly() {
        SeatCandidate wholeRoute = seat(1, 0, 4);
        SeatCandidate soldOnBothSides = seat(2, 1, 3);
        SeatCandidate soldBefore = seat(3, 1, 4);

        assertThat(first(List.of(wholeRoute, soldBefore, soldOnBothSides))).isEqualTo(2);
    }

    @Test
    void prefersLeavingOneFragmentOverTwo() {
        SeatCandidate wholeRoute = seat(1, 0, 4);
        SeatCandidate soldAfter = seat(2, 0, 3);

        assertThat(first(List.of(wholeRoute, soldAfter))).isEqualTo(2);
    }

    @Test
    void amongEquallyFragmentingSeatsPrefersTheTighterGap() {
        SeatCandidate soldBeforeLongGap = seat(1, 1, 4);
        SeatCandidate soldBeforeTightGap = seat(2, 1, 4);
        SeatCandidate soldAfterTight = seat(3, 0, 3);
        List<SeatCandidate> ranked = SeatChoice.rank(new Segment(1, 2),
                List.of(soldBeforeLongGap, soldAfterTight, seat(4, 1, 3)), new Random(3));

        // [1,3) with one free leg left beats [1,4) and [0,3) with two free legs left
        assertThat(ranked.getFirst().seat().number()).isEqualTo(4);
        assertThat(soldBeforeTightGap.legsLeft(new Segment(1, 2))).isEqualTo(2);
    }

    @Test
    void spreadsEquallyGoodSeatsRandomly() {
        List<SeatCandidate> free = List.of(seat(1, 0, 4), seat(2, 0, 4), seat(3, 0, 4), seat(4, 0, 4));
        Set<Integer> firsts = new HashSet<>();
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            firsts.add(SeatChoice.rank(WANTED, free, random).getFirst().seat().number());
        }
        assertThat(firsts).hasSizeGreaterThan(1);
    }

    @Test
    void ranksEveryCandidateOnce() {
        List<SeatCandidate> free = List.of(seat(1, 0, 4), seat(2, 1, 3), seat(3, 0, 3));
        assertThat(SeatChoice.rank(WANTED, free, new Random(7))).containsExactlyInAnyOrderElementsOf(free);
    }
}
