package io.ticketing.notification.domain.model;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** The e-mail of one notification: whether it went out, how often it was tried, why it failed last. */
public record MailDelivery(
        NotificationId notificationId,
        MailStatus status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String lastError,
        @Nullable Instant sentAt) {

    private static final int MAX_ERROR_LENGTH = 1000;

    public MailDelivery {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }

    public static MailDelivery pending(NotificationId notificationId, Instant now) {
        return new MailDelivery(notificationId, MailStatus.PENDING, 0, now, null, null);
    }

    public MailDelivery sent(Instant now) {
        requirePending();
        return new MailDelivery(notificationId, MailStatus.SENT, attempts + 1, nextAttemptAt, lastError, now);
    }

    /** Schedules the next attempt with backoff, or gives up once the policy's attempts are spent. */
    public MailDelivery failed(String error, Instant now, RetryPolicy policy) {
        requirePending();
        int failed = attempts + 1;
        String reason = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        if (failed >= policy.maxAttempts()) {
            return new MailDelivery(notificationId, MailStatus.FAILED, failed, now, reason, null);
        }
        return new MailDelivery(notificationId, MailStatus.PENDING, failed, now.plus(policy.delayAfter(failed)),
                reason, null);
    }

    private void requirePending() {
        if (status != MailStatus.PENDING) {
            throw new IllegalStateException("Mail for notification " + notificationId + " is already " + status);
        }
    }
}
