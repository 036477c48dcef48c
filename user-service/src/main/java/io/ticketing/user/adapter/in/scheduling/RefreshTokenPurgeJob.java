package io.ticketing.user.adapter.in.scheduling;

import io.ticketing.platform.scheduling.DrainingTask;
import io.ticketing.user.application.port.in.PurgeRefreshTokensUseCase;
import io.ticketing.user.config.RefreshTokenPurgeProperties;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Purges finished sessions' refresh tokens on every replica; skipping rows locked by another keeps them apart. */
@Component
class RefreshTokenPurgeJob implements SchedulingConfigurer {

    private final PurgeRefreshTokensUseCase purge;
    private final RefreshTokenPurgeProperties settings;

    RefreshTokenPurgeJob(PurgeRefreshTokensUseCase purge, RefreshTokenPurgeProperties settings) {
        this.purge = purge;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new DrainingTask(RefreshTokenPurgeJob.class,
                "Purged refresh tokens of finished sessions", settings.batchSize(), purge::purgeBatch),
                settings.interval());
    }
}
