package io.ticketing.notification.domain.model;

public enum MailStatus {
    /** Not sent yet: due at {@code nextAttemptAt} (a previous attempt may have failed). */
    PENDING,
    SENT,
    /** Given up after the last allowed attempt. */
    FAILED
}
