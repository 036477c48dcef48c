package io.ticketing.notification.application.port.in;

import io.ticketing.notification.domain.model.Recipient;

/** Keeps the e-mail address and name of a user, so mails can reach them. */
public interface RememberRecipientUseCase {

    void remember(Recipient recipient);
}
