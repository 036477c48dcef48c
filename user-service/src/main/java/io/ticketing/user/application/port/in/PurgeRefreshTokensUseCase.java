package io.ticketing.user.application.port.in;

/** Forgets refresh tokens of sessions that are long over; safe to run on every replica at once. */
public interface PurgeRefreshTokensUseCase {

    /**
     * Deletes one batch of tokens of sessions past their retention
     * ({@link io.ticketing.user.domain.model.RefreshTokenRetention}).
     *
     * @return how many tokens were deleted (a full batch means more may be due)
     */
    int purgeBatch(int batchSize);
}
