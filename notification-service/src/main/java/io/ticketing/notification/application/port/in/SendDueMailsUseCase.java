package io.ticketing.notification.application.port.in;

public interface SendDueMailsUseCase {

    /**
     * Claims one mail that is due (skipping those another replica is sending), tries to send it and records
     * the outcome. Returns false when no mail was due.
     */
    boolean sendNextDueMail();
}
