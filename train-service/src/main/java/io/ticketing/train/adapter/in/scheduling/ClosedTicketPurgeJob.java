package io.ticketing.train.adapter.in.scheduling;

import io.ticketing.train.application.port.in.PurgeClosedTicketsUseCase;
import io.ticketing.train.config.ClosedTicketPurgeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Purges long-closed tickets on every replica; skipping rows locked by another keeps them apart. */
@Component
class ClosedTicketPurgeJob implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ClosedTicketPurgeJob.class);

    private final PurgeClosedTicketsUseCase purge;
    private final ClosedTicketPurgeProperties settings;

    ClosedTicketPurgeJob(PurgeClosedTicketsUseCase purge, ClosedTicketPurgeProperties settings) {
        this.purge = purge;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::purgeDue, settings.purgeInterval());
    }

    void purgeDue() {
        try {
            int total = 0;
            int deleted;
            // a full batch means more are due: keep going instead of waiting for the next tick
            do {
                deleted = purge.purgeBatch(settings.purgeBatchSize());
                total += deleted;
            } while (deleted == settings.purgeBatchSize());
            if (total > 0) {
                log.info("Purged {} closed tickets past their retention", total);
            }
        } catch (RuntimeException e) {
            // the next tick retries; the scheduler must keep running
            log.warn("Purging closed tickets failed: {}", e.toString());
        }
    }
}
