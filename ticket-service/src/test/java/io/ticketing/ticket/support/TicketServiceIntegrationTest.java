package io.ticketing.ticket.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.ticketing.platform.test.ServiceIntegrationTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** The one Spring context every ticket-service IT shares: keep its configuration here, and only here. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServiceIntegrationTest
@Import(TestSupportConfiguration.class)
@TestPropertySource(properties = {
        "ticketing.tickets.expiry.deadline=30s",
        "ticketing.tickets.expiry.check-interval=200ms",
        "ticketing.tickets.long-poll.recheck-interval=300ms"})
public @interface TicketServiceIntegrationTest {
}
