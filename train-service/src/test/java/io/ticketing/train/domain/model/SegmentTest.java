package io.ticketing.train.domain.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentTest {

    @Test
    void segmentsSharingALegOverlap() {
        assertThat(new Segment(0, 2).overlaps(new Segment(1, 3))).isTrue();
        assertThat(new Segment(1, 3).overlaps(new Segment(0, 2))).isTrue();
        assertThat(new Segment(0, 4).overlaps(new Segment(1, 2))).isTrue();
        assertThat(new Segment(1, 2).overlaps(new Segment(1, 2))).isTrue();
    }

    @Test
    void adjacentSegmentsDoNotOverlap() {
        assertThat(new Segment(0, 1).overlaps(new Segment(1, 2))).isFalse();
        assertThat(new Segment(1, 2).overlaps(new Segment(0, 1))).isFalse();
        assertThat(new Segment(0, 1).overlaps(new Segment(2, 3))).isFalse();
    }

    @Test
    void countsLegs() {
        assertThat(new Segment(1, 4).legs()).isEqualTo(3);
    }

    @Test
    void refusesEmptyOrBackwardSegments() {
        assertThatThrownBy(() -> new Segment(2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Segment(3, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Segment(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
