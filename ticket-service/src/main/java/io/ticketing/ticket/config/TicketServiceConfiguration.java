package io.ticketing.ticket.config;

import java.time.Clock;

import io.ticketing.ticket.application.port.out.TicketChangeBroadcast;
import io.ticketing.ticket.application.port.out.TicketEventPublisher;
import io.ticketing.ticket.application.port.out.TicketRepository;
import io.ticketing.ticket.application.service.BookTicketService;
import io.ticketing.ticket.application.service.CancelTicketService;
import io.ticketing.ticket.application.service.ExpireTicketsService;
import io.ticketing.ticket.application.service.GetTicketService;
import io.ticketing.ticket.application.service.SettleReservationService;
import io.ticketing.ticket.application.service.TicketWaiters;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the use cases; the application core carries no component annotations. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TicketProperties.class)
@EnableScheduling
public class TicketServiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TicketWaiters ticketWaiters(TicketChangeBroadcast broadcast) {
        return new TicketWaiters(broadcast);
    }

    @Bean
    BookTicketService bookTicketService(TicketRepository tickets, TicketEventPublisher events, TicketWaiters waiters,
            Clock clock, TicketProperties properties) {
        return new BookTicketService(tickets, events, waiters, clock, properties.expiry().deadline());
    }

    @Bean
    SettleReservationService settleReservationService(TicketRepository tickets, TicketEventPublisher events,
            TicketWaiters waiters, Clock clock) {
        return new SettleReservationService(tickets, events, waiters, clock);
    }

    @Bean
    CancelTicketService cancelTicketService(TicketRepository tickets, TicketEventPublisher events,
            TicketWaiters waiters, Clock clock) {
        return new CancelTicketService(tickets, events, waiters, clock);
    }

    @Bean
    ExpireTicketsService expireTicketsService(TicketRepository tickets, TicketEventPublisher events,
            TicketWaiters waiters, Clock clock) {
        return new ExpireTicketsService(tickets, events, waiters, clock);
    }

    @Bean
    GetTicketService getTicketService(TicketRepository tickets, TicketWaiters waiters, TicketProperties properties) {
        return new GetTicketService(tickets, waiters, properties.longPoll().recheckInterval());
    }
}
