package io.ticketing.train.domain.model;

import java.util.List;
import java.util.UUID;

import io.ticketing.platform.error.DomainProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainTest {

    @Test
    void generatesNumberedSeatsPerWagon() {
        Train train = Train.create(new TrainId(UUID.randomUUID()), "IC 5", "Coast",
                List.of(new WagonPlan(3, SeatClass.SECOND, 12), new WagonPlan(1, SeatClass.FIRST, 2)),
                () -> new SeatId(UUID.randomUUID()));

        assertThat(train.seats()).hasSize(14);
        assertThat(train.seats()).extracting(Seat::label).startsWith("1-1", "1-2", "3-1").endsWith("3-12");
        assertThat(train.seats().getFirst().seatClass()).isEqualTo(SeatClass.FIRST);
        assertThat(train.seatClasses()).containsExactlyInAnyOrder(SeatClass.FIRST, SeatClass.SECOND);
        assertThat(train.seats()).extracting(Seat::id).doesNotHaveDuplicates();
    }

    @Test
    void refusesTheSameWagonNumberTwice() {
        assertThatThrownBy(() -> Train.create(new TrainId(UUID.randomUUID()), "IC 5", "Coast",
                List.of(new WagonPlan(1, SeatClass.SECOND, 1), new WagonPlan(1, SeatClass.FIRST, 1)),
                () -> new SeatId(UUID.randomUUID())))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.code()).isEqualTo("WAGON_TWICE"));
    }
}
