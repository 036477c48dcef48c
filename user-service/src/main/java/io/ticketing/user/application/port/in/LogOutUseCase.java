package io.ticketing.user.application.port.in;

/**
 * Ends the session the refresh token belongs to (its whole family), if that session is the caller's.
 * Idempotent: an unknown, foreign or already revoked token changes nothing and is not an error.
 */
public interface LogOutUseCase {

    void logOut(LogOutCommand command);
}
