package io.ticketing.notification.application.port.in;

public interface SendDueMailsUseCase {

    /**
     * Claims up to {@code max} mails that are due (skipping those another sender is sending), sends them
     * together and records each outcome. Returns how many it claimed: 0 when no mail was due.
     */
    int sendDueMails(int max);
}
