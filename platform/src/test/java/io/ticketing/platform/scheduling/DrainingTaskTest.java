package io.ticketing.platform.scheduling;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class DrainingTaskTest {

    private final List<Integer> asked = new ArrayList<>();

    /** A backlog of {@code items}, handled at most {@code size} at a time. */
    private DrainingTask drainingTask(int[] backlog, int size) {
        return new DrainingTask(DrainingTaskTest.class, "Handled", size, max -> {
            asked.add(max);
            int handled = Math.min(max, backlog[0]);
            backlog[0] -= handled;
            return handled;
        });
    }

    @Test
    void runsBatchesWhileTheyComeBackFull() {
        int[] backlog = {25};

        drainingTask(backlog, 10).run();

        assertThat(backlog[0]).isZero();
        assertThat(asked).containsExactly(10, 10, 10);
    }

    @Test
    void anExactMultipleEndsWithOneEmptyBatch() {
        int[] backlog = {20};

        drainingTask(backlog, 10).run();

        assertThat(asked).containsExactly(10, 10, 10);
    }

    @Test
    void nothingDueMeansOneEmptyBatch() {
        drainingTask(new int[] {0}, 10).run();

        assertThat(asked).containsExactly(10);
    }

    @Test
    void aFailingBatchEndsTheRunWithoutEscaping() {
        DrainingTask task = new DrainingTask(DrainingTaskTest.class, "Handled", 10, max -> {
            asked.add(max);
            throw new IllegalStateException("database down");
        });

        assertThatNoException().isThrownBy(task::run);
        assertThat(asked).containsExactly(10);
    }

    @Test
    void refusesAnEmptyBatchSize() {
        assertThatThrownBy(() -> new DrainingTask(DrainingTaskTest.class, "Handled", 0, max -> 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
