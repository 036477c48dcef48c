package io.ticketing.ticket.adapter.in.scheduling;

import io.ticketing.ticket.application.port.in.ExpireTicketsUseCase;
import io.ticketing.ticket.config.TicketProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Expires overdue PENDING tickets on every replica; the use case's row claiming keeps them from colliding. */
@Component
class ExpiryJob implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);

    private final ExpireTicketsUseCase expiry;
    private final TicketProperties.Expiry settings;

    ExpiryJob(ExpireTicketsUseCase expiry, TicketProperties properties) {
        this.expiry = expiry;
        this.settings = properties.expiry();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::expireDue, settings.checkInterval());
    }

    void expireDue() {
        try {
            // a full batch means more are due: keep going instead of waiting for the next tick
            while (expiry.expireDue(settings.batchSize()) == settings.batchSize()) {
                log.debug("Expired a full batch, continuing");
            }
        } catch (RuntimeException e) {
            // the next tick retries; the scheduler must keep running
            log.warn("Expiring tickets failed: {}", e.toString());
        }
    }
}
