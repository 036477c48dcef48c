package io.ticketing.notification.application.port.out;

import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.Recipient;

/** Sends the e-mail of a notification. */
public interface NotificationMailer {

    /** @throws MailNotSent when the mail server did not accept the mail */
    void send(Recipient recipient, Notification notification);

    class MailNotSent extends RuntimeException {
        public MailNotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
