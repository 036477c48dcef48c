package io.ticketing.notification.application.port.in;

/** Turns one event into one stored notification with its pending e-mail and a live push. */
public interface RecordNotificationUseCase {

    /** Does nothing when a notification for {@code command.sourceEventId()} exists already. */
    void record(RecordNotificationCommand command);
}
