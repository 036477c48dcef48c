package io.ticketing.ticket.adapter.in.web;

import java.time.Duration;

import io.ticketing.platform.error.DomainProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaitParameterTest {

    private static final Duration MAX = Duration.ofSeconds(30);

    @Test
    void readsSecondsMillisecondsAndPlainSeconds() {
        assertThat(WaitParameter.parse("5s", MAX)).isEqualTo(Duration.ofSeconds(5));
        assertThat(WaitParameter.parse("500ms", MAX)).isEqualTo(Duration.ofMillis(500));
        assertThat(WaitParameter.parse("7", MAX)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void noWaitMeansAnswerAtOnce() {
        assertThat(WaitParameter.parse(null, MAX)).isZero();
        assertThat(WaitParameter.parse("", MAX)).isZero();
    }

    @Test
    void cutsLongWaitsToTheMaximum() {
        assertThat(WaitParameter.parse("600s", MAX)).isEqualTo(MAX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1s", "5m", "abc", "1.5s", "s"})
    void refusesAnythingElse(String value) {
        assertThatThrownBy(() -> WaitParameter.parse(value, MAX)).isInstanceOf(DomainProblem.class);
    }
}
