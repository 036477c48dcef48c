package io.ticketing.user.adapter.in.scheduling;

import io.ticketing.user.application.port.in.PurgeRefreshTokensUseCase;
import io.ticketing.user.config.RefreshTokenPurgeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Purges finished sessions' refresh tokens on every replica; skipping rows locked by another keeps them apart. */
@Component
class RefreshTokenPurgeJob implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokenPurgeJob.class);

    private final PurgeRefreshTokensUseCase purge;
    private final RefreshTokenPurgeProperties settings;

    RefreshTokenPurgeJob(PurgeRefreshTokensUseCase purge, RefreshTokenPurgeProperties settings) {
        this.purge = purge;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::purgeDue, settings.interval());
    }

    void purgeDue() {
        try {
            int total = 0;
            int deleted;
            // a full batch means more are due: keep going instead of waiting for the next tick
            do {
                deleted = purge.purgeBatch(settings.batchSize());
                total += deleted;
            } while (deleted == settings.batchSize());
            if (total > 0) {
                log.info("Purged {} refresh tokens of finished sessions", total);
            }
        } catch (RuntimeException e) {
            // the next tick retries; the scheduler must keep running
            log.warn("Purging refresh tokens failed: {}", e.toString());
        }
    }
}
