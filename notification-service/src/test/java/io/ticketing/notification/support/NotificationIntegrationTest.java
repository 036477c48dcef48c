package io.ticketing.notification.support;

import io.ticketing.platform.test.TestTokens;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.ticketing.platform.test.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The service on a random port against real PostgreSQL, NATS and SMTP (the embedded GreenMail on a free
 * port), with test-signed tokens. Every IT uses exactly this, so they all share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ticketing.mail.poll-interval=100ms",
        "ticketing.mail.retry.initial-delay=200ms",
        "ticketing.mail.retry.max-delay=1s",
        "ticketing.mail.retry.max-attempts=1000",
        "ticketing.live.heartbeat=1s",
        // low, so that a test reaches the cap with a few streams
        "ticketing.live.max-streams-per-user=3",
        // lets a test publish the same event id again soon, to see our own de-duplication at work
        "ticketing.nats.duplicate-window=1s"
})
@ContextConfiguration(initializers = {TestInfrastructure.class, FreeSmtpPort.class})
@Import({TestTokens.DecoderConfiguration.class, TestFixture.class})
public @interface NotificationIntegrationTest {
}
