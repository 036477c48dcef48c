package io.ticketing.user.domain.model;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RefreshTokenRetentionTest {

    @Test
    void forgetsSessionsExpiredLongerAgoThanTheGrace() {
        Instant now = Instant.parse("2026-03-01T00:00:00Z");

        Instant cutoff = new RefreshTokenRetention(Duration.ofDays(7)).forgetSessionsExpiredBefore(now);

        assertThat(cutoff).isEqualTo(Instant.parse("2026-02-22T00:00:00Z"));
    }

    @Test
    void refusesAGraceThatCouldRaceALastRefresh() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RefreshTokenRetention(Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> new RefreshTokenRetention(Duration.ofDays(-1)));
    }
}
