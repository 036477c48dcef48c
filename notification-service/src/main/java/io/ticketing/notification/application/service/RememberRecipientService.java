package io.ticketing.notification.application.service;

import io.ticketing.notification.application.port.in.RememberRecipientUseCase;
import io.ticketing.notification.application.port.out.RecipientRepository;
import io.ticketing.notification.domain.model.Recipient;
import org.springframework.transaction.annotation.Transactional;

public class RememberRecipientService implements RememberRecipientUseCase {

    private final RecipientRepository recipients;

    public RememberRecipientService(RecipientRepository recipients) {
        this.recipients = recipients;
    }

    @Override
    @Transactional
    public void remember(Recipient recipient) {
        recipients.save(recipient);
    }
}
