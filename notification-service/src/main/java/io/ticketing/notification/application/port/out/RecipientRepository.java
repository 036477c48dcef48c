package io.ticketing.notification.application.port.out;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.ticketing.notification.domain.model.Recipient;

public interface RecipientRepository {

    /** Inserts or replaces what is known about the user. */
    void save(Recipient recipient);

    /** The recipients known among these users; unknown users are simply missing. */
    List<Recipient> findAll(Collection<UUID> userIds);
}
