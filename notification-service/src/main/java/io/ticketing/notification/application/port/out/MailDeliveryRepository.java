package io.ticketing.notification.application.port.out;

import java.time.Instant;
import java.util.List;

import io.ticketing.notification.domain.model.MailDelivery;

public interface MailDeliveryRepository {

    /** Inserts the delivery of a new notification. */
    void add(MailDelivery delivery);

    /** Writes each delivery as it is now (sent, failed, rescheduled), inserting those that are missing. */
    void saveAll(List<MailDelivery> deliveries);

    /**
     * Locks up to {@code max} pending deliveries due at or before {@code now}, soonest first, for the current
     * transaction, skipping rows other transactions hold, so senders never send the same mail at the same time.
     */
    List<MailDelivery> claimDue(Instant now, int max);
}
