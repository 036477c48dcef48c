package io.ticketing.ticket.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ticket settings ({@code ticketing.tickets.*}).
 *
 * @param expiry how long a ticket may wait for train-service, and how the expiry job runs
 * @param longPoll the {@code ?wait=} long poll
 */
@ConfigurationProperties("ticketing.tickets")
public record TicketProperties(@DefaultValue Expiry expiry, @DefaultValue LongPoll longPoll) {

    /**
     * @param deadline      a PENDING ticket older than this expires ({@code TICKET_EXPIRY_DEADLINE})
     * @param checkInterval pause between runs of the expiry job
     * @param batchSize     tickets expired per transaction
     */
    public record Expiry(
            @DefaultValue("30s") Duration deadline,
            @DefaultValue("1s") Duration checkInterval,
            @DefaultValue("100") int batchSize) {
    }

    /**
     * @param max             the longest wait a reader may ask for
     * @param recheckInterval how often a waiting reader looks at the database anyway, should a change broadcast be lost
     */
    public record LongPoll(
            @DefaultValue("30s") Duration max,
            @DefaultValue("2s") Duration recheckInterval) {
    }
}
