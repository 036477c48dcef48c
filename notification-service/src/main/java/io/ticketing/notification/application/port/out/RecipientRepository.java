package io.ticketing.notification.application.port.out;

import java.util.Optional;
import java.util.UUID;

import io.ticketing.notification.domain.model.Recipient;

public interface RecipientRepository {

    /** Inserts or replaces what is known about the user. */
    void save(Recipient recipient);

    Optional<Recipient> find(UUID userId);
}
