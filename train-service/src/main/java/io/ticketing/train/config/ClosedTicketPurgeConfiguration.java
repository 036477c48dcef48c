package io.ticketing.train.config;

import io.ticketing.platform.messaging.NatsProperties;
import io.ticketing.train.domain.model.ClosedTicketRetention;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the purge job of {@code adapter.in.scheduling} with a retention checked against the streams' max age. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ClosedTicketPurgeProperties.class)
class ClosedTicketPurgeConfiguration {

    @Bean
    ClosedTicketRetention closedTicketRetention(ClosedTicketPurgeProperties properties, NatsProperties nats) {
        return ClosedTicketRetention.outliving(nats.eventRetention(), properties.retention());
    }
}
