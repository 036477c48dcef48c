package io.ticketing.train.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The memory of closed tickets ({@code ticketing.closed-tickets.*}).
 *
 * <p>Why 35 days: a closed ticket must be remembered as long as a {@code TicketRequested} for it can still be
 * delivered to this service. ticket-service emits that event once, when it stores the ticket (a redelivered
 * {@code BookTicket} command finds the ticket and emits nothing), and its relay publishes outbox rows oldest
 * first, so the request enters the TICKETS stream before the ticket's close (expiry after the booking
 * deadline, 30 s by default; cancellation; release). From there it can still come late:
 * <ul>
 * <li>redelivered by the durable consumer: at most 5 deliveries, 30 s ack wait each, naks delayed by seconds: a
 * few minutes after the close was handled;</li>
 * <li>waiting in the stream while this service is down or behind: JetStream drops it after the stream's max
 * age, {@code ticketing.nats.event-retention} (30 days; TICKETS and COMMANDS alike);</li>
 * <li>replayed by an operator from the dead-letter stream (README), which keeps it for the same max age.</li>
 * </ul>
 * The inbox does not help: it forgets handled message ids after 7 days. So the retention must exceed the
 * streams' max age plus minutes of redelivery; 35 days leaves five days for clocks and slow operators, and
 * {@link io.ticketing.train.domain.model.ClosedTicketRetention#outliving} refuses to start with less than the
 * max age plus one day.
 *
 * @param retention      how long a closed ticket is remembered
 * @param purgeInterval  pause between runs of the purge job
 * @param purgeBatchSize closed tickets deleted per statement (and transaction), so a backlog never holds long locks
 */
@ConfigurationProperties("ticketing.closed-tickets")
public record ClosedTicketPurgeProperties(
        @DefaultValue("35d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval,
        @DefaultValue("1000") int purgeBatchSize) {

    public ClosedTicketPurgeProperties {
        if (purgeBatchSize < 1) {
            throw new IllegalArgumentException("purgeBatchSize must be positive");
        }
    }
}
