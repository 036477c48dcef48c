package io.ticketing.user.application.service;

import java.time.Clock;

import io.ticketing.user.application.port.in.PurgeRefreshTokensUseCase;
import io.ticketing.user.application.port.out.RefreshTokenRepository;
import io.ticketing.user.domain.model.RefreshTokenRetention;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PurgeRefreshTokensService implements PurgeRefreshTokensUseCase {

    private final RefreshTokenRepository tokens;
    private final RefreshTokenRetention retention;
    private final Clock clock;

    PurgeRefreshTokensService(RefreshTokenRepository tokens, RefreshTokenRetention retention, Clock clock) {
        this.tokens = tokens;
        this.retention = retention;
        this.clock = clock;
    }

    /** One transaction per batch, so a large backlog never holds its row locks for long. */
    @Override
    @Transactional
    public int purgeBatch(int batchSize) {
        return tokens.deleteSessionsExpiredBefore(retention.forgetSessionsExpiredBefore(clock.instant()), batchSize);
    }
}
