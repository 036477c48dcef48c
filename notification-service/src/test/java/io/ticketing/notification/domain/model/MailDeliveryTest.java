package io.ticketing.notification.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailDeliveryTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final RetryPolicy POLICY = new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(1), 4);

    @Test
    void backsOffExponentiallyUpToTheMaximum() {
        assertThat(POLICY.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(POLICY.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(POLICY.delayAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(POLICY.delayAfter(4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(POLICY.delayAfter(500)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aFailedAttemptKeepsTheMailPendingWithTheErrorAndTheNextTime() {
        MailDelivery failed = MailDelivery.pending(id(), NOW).failed("connection refused", NOW, POLICY);

        assertThat(failed.status()).isEqualTo(MailStatus.PENDING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isEqualTo("connection refused");
        assertThat(failed.nextAttemptAt()).isEqualTo(NOW.plusSeconds(10));

        MailDelivery again = failed.failed("connection refused", NOW.plusSeconds(10), POLICY);
        assertThat(again.nextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        MailDelivery delivery = MailDelivery.pending(id(), NOW);
        for (int i = 0; i < 4; i++) {
            delivery = delivery.failed("mailbox unavailable", NOW, POLICY);
        }

        assertThat(delivery.status()).isEqualTo(MailStatus.FAILED);
        assertThat(delivery.attempts()).isEqualTo(4);
        assertThat(delivery.lastError()).isEqualTo("mailbox unavailable");
        MailDelivery failed = delivery;
        assertThatThrownBy(() -> failed.failed("again", NOW, POLICY)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSentMailCountsTheAttemptAndKeepsNoErrorOfItsOwn() {
        MailDelivery sent = MailDelivery.pending(id(), NOW).sent(NOW.plusSeconds(1));

        assertThat(sent.status()).isEqualTo(MailStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.sentAt()).isEqualTo(NOW.plusSeconds(1));
        assertThatThrownBy(() -> sent.sent(NOW)).isInstanceOf(IllegalStateException.class);
    }

    private static NotificationId id() {
        return new NotificationId(UUID.randomUUID());
    }
}
