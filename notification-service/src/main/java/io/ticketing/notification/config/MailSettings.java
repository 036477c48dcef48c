package io.ticketing.notification.config;

import java.time.Duration;

import io.ticketing.notification.domain.model.RetryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notification e-mails go out ({@code ticketing.mail.*}); the SMTP server itself is configured with
 * {@code spring.mail.*} ({@code SMTP_HOST}, {@code SMTP_PORT}, {@code SMTP_USER}, {@code SMTP_PASSWORD}).
 *
 * @param from           the sender address ({@code MAIL_FROM})
 * @param pollInterval   how long a sender waits after a look that found less than a full batch
 * @param batchSize      mails a sender claims at once and sends over one SMTP connection, in one transaction
 * @param senders        batches each replica sends at once ({@code MAIL_SENDERS}): a sender waits for the SMTP
 *                       server while it sends, and a booking peak left a backlog; each holds a database
 *                       connection while it sends
 * @param retry          backoff between attempts; after the last attempt the mail is marked FAILED
 * @param embeddedServer an in-process SMTP server (GreenMail) on {@code spring.mail.port}, for the local stack
 */
@ConfigurationProperties("ticketing.mail")
public record MailSettings(
        @DefaultValue("Ticketing <tickets@ticketing.local>") String from,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("4") int senders,
        @DefaultValue Retry retry,
        @DefaultValue EmbeddedServer embeddedServer) {

    /** Defaults: 10 s doubling up to 30 min, 30 attempts: about eleven hours of outage before giving up. */
    public record Retry(
            @DefaultValue("10s") Duration initialDelay,
            @DefaultValue("30m") Duration maxDelay,
            @DefaultValue("30") int maxAttempts) {

        public RetryPolicy policy() {
            return new RetryPolicy(initialDelay, maxDelay, maxAttempts);
        }
    }

    /**
     * @param keep mails the embedded server holds before it drops them: it speaks SMTP only, so nobody reads them,
     *             and a long-running local stack would otherwise fill its heap with every mail ever sent
     */
    public record EmbeddedServer(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("127.0.0.1") String bindAddress,
            @DefaultValue("1000") int keep) {
    }
}
