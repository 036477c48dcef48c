package io.ticketing.user.application.port.in;

/** Trades a refresh token for a new access token and a new refresh token (rotation). */
public interface RefreshSessionUseCase {

    /**
     * @throws io.ticketing.user.domain.model.RefreshTokenRejected when the token is unknown, expired, revoked or
     *         already used; an already used one also revokes its whole family
     */
    SessionTokens refresh(String refreshToken);
}
