package io.ticketing.train.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.FieldViolation;
import io.ticketing.platform.error.ProblemKind;
import io.ticketing.train.application.port.in.ScheduleTripCommand.FarePlan;
import io.ticketing.train.application.port.in.ScheduleTripCommand.StopPlan;
import io.ticketing.train.domain.model.SeatClass;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleTripCommandTest {

    private static final Instant T = Instant.parse("2030-01-01T08:00:00Z");

    @Test
    void reportsEveryMalformedFieldAtOnce() {
        assertThatThrownBy(() -> new ScheduleTripCommand("not-a-uuid",
                List.of(new StopPlan("x", T, T), new StopPlan(UUID.randomUUID().toString(), null, null)),
                List.of(new FarePlan(null, "1.234", "eur"))))
                .isInstanceOfSatisfying(DomainProblem.class, p -> {
                    assertThat(p.kind()).isEqualTo(ProblemKind.INVALID_INPUT);
                    assertThat(p.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder(
                            "trainId", "stops[0].stationId", "stops[0].arrival", "stops[1].arrival",
                            "fares[0].seatClass", "fares[0].amount", "fares[0].currency");
                });
    }

    @Test
    void acceptsAWellFormedPlan() {
        ScheduleTripCommand command = new ScheduleTripCommand(UUID.randomUUID().toString(),
                List.of(new StopPlan(UUID.randomUUID().toString(), null, T),
                        new StopPlan(UUID.randomUUID().toString(), T.plusSeconds(3600), null)),
                List.of(new FarePlan(SeatClass.SECOND, "9.9", "EUR")));

        assertThat(command.fareMap().get(SeatClass.SECOND).amountText()).isEqualTo("9.90");
        assertThat(command.stationIds()).hasSize(2);
    }
}
