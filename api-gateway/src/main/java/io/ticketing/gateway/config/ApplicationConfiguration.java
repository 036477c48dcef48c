package io.ticketing.gateway.config;

import java.time.Clock;

import io.ticketing.gateway.application.port.out.RecentBookings;
import io.ticketing.gateway.application.port.out.TicketCommandPublisher;
import io.ticketing.gateway.application.port.out.TicketLookupPort;
import io.ticketing.gateway.application.service.TicketCommandService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the use cases; the application core itself carries no Spring annotations. */
@Configuration(proxyBeanMethods = false)
class ApplicationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TicketCommandService ticketCommandService(TicketLookupPort tickets, TicketCommandPublisher commands,
            RecentBookings recentBookings, Clock clock) {
        return new TicketCommandService(tickets, commands, recentBookings, clock);
    }
}
