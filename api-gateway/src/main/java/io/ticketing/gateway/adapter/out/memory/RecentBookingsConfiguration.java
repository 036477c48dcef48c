package io.ticketing.gateway.adapter.out.memory;

import io.ticketing.gateway.application.port.out.RecentBookings;
import io.ticketing.platform.messaging.NatsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RecentBookingsConfiguration {

    /** As long as JetStream remembers a booking command's id: beyond it, ticket-service has the booking. */
    @Bean
    RecentBookings recentBookings(NatsProperties nats) {
        return new InMemoryRecentBookings(nats.duplicateWindow());
    }
}
