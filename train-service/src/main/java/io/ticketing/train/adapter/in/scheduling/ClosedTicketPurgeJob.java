package io.ticketing.train.adapter.in.scheduling;

import io.ticketing.platform.scheduling.DrainingTask;
import io.ticketing.train.application.port.in.PurgeClosedTicketsUseCase;
import io.ticketing.train.config.ClosedTicketPurgeProperties;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Purges long-closed tickets on every replica; skipping rows locked by another keeps them apart. */
@Component
class ClosedTicketPurgeJob implements SchedulingConfigurer {

    private final PurgeClosedTicketsUseCase purge;
    private final ClosedTicketPurgeProperties settings;

    ClosedTicketPurgeJob(PurgeClosedTicketsUseCase purge, ClosedTicketPurgeProperties settings) {
        this.purge = purge;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new DrainingTask(ClosedTicketPurgeJob.class,
                "Purged closed tickets past their retention", settings.purgeBatchSize(), purge::purgeBatch),
                settings.purgeInterval());
    }
}
