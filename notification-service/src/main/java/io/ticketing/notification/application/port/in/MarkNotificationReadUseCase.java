package io.ticketing.notification.application.port.in;

public interface MarkNotificationReadUseCase {

    /** Marks the caller's notification read; another user's or an unknown id is "not found". */
    void markRead(MarkNotificationReadCommand command);
}
