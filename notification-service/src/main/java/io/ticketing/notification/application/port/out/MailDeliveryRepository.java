package io.ticketing.notification.application.port.out;

import java.time.Instant;
import java.util.Optional;

import io.ticketing.notification.domain.model.MailDelivery;

public interface MailDeliveryRepository {

    /** Inserts the delivery of a new notification. */
    void add(MailDelivery delivery);

    /** Updates a delivery that exists (sent, failed, rescheduled). */
    void save(MailDelivery delivery);

    /**
     * Locks the pending delivery due soonest (at or before {@code now}) for the current transaction, skipping
     * rows other transactions hold, so replicas never send the same mail at the same time.
     */
    Optional<MailDelivery> claimNextDue(Instant now);
}
