package io.ticketing.notification.application.port.out;

import java.util.List;
import java.util.Map;

import io.ticketing.notification.domain.model.Notification;
import io.ticketing.notification.domain.model.NotificationId;
import io.ticketing.notification.domain.model.Recipient;

/** Sends the e-mails of notifications. */
public interface NotificationMailer {

    /**
     * Sends every mail, over one connection to the mail server. Returns the mails that did not go out, each with
     * the reason; a mail not in the result was accepted by the server. When the server cannot be reached, or it
     * is unclear which mails it took, every mail is in the result: sending one twice beats losing it.
     */
    Map<NotificationId, String> sendAll(List<OutgoingMail> mails);

    record OutgoingMail(Recipient recipient, Notification notification) {
    }
}
