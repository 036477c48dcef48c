package io.ticketing.train.domain.model;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClosedTicketRetentionTest {

    private static final Duration STREAM_MAX_AGE = Duration.ofDays(30);

    @Test
    void forgetsTicketsClosedLongerAgoThanItKeepsThem() {
        ClosedTicketRetention retention = ClosedTicketRetention.outliving(STREAM_MAX_AGE, Duration.ofDays(35));

        assertThat(retention.forgetClosedBefore(Instant.parse("2026-03-06T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-30T00:00:00Z"));
    }

    @Test
    void refusesToForgetATicketWhileARequestForItCouldStillArrive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClosedTicketRetention.outliving(STREAM_MAX_AGE, Duration.ofDays(30)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClosedTicketRetention.outliving(STREAM_MAX_AGE, Duration.ofDays(30).plusHours(23)));
        assertThat(ClosedTicketRetention.outliving(STREAM_MAX_AGE, Duration.ofDays(31)).keep())
                .isEqualTo(Duration.ofDays(31));
    }
}
