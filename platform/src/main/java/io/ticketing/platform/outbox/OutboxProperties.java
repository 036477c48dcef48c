package io.ticketing.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Outbox relay settings ({@code ticketing.outbox.*}).
 *
 * @param batchSize     rows claimed and published per round trip
 * @param pollInterval  how often the relay looks for rows when nobody woke it
 * @param publishTimeout how long to wait for the PubAcks of one batch
 * @param maxBackoff    longest pause between attempts while NATS is unreachable
 * @param keepSent      how long published rows are kept before they are purged
 * @param keepInbox     how long inbox records are kept (must exceed any redelivery horizon)
 * @param maxMessageSize the largest message (payload and headers) the NATS servers accept: their
 *                       {@code max_payload}, 1 MB unless configured otherwise
 */
@ConfigurationProperties("ticketing.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("500") int batchSize,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("10s") Duration publishTimeout,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("1h") Duration keepSent,
        @DefaultValue("7d") Duration keepInbox,
        @DefaultValue("1MB") DataSize maxMessageSize) {
}
