package io.ticketing.ticket.adapter.in.scheduling;

import io.ticketing.platform.scheduling.DrainingTask;
import io.ticketing.ticket.application.port.in.ExpireTicketsUseCase;
import io.ticketing.ticket.config.TicketProperties;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Expires overdue PENDING tickets on every replica; the use case's row claiming keeps them from colliding. */
@Component
class ExpiryJob implements SchedulingConfigurer {

    private final ExpireTicketsUseCase expiry;
    private final TicketProperties.Expiry settings;

    ExpiryJob(ExpireTicketsUseCase expiry, TicketProperties properties) {
        this.expiry = expiry;
        this.settings = properties.expiry();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new DrainingTask(ExpiryJob.class, "Expired overdue tickets", settings.batchSize(),
                expiry::expireDue), settings.checkInterval());
    }
}
