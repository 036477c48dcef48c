package io.ticketing.user.application.port.in;

/** Password login: starts a session (access token + refresh token family). */
public interface LogInUseCase {

    /**
     * @throws io.ticketing.user.domain.model.InvalidCredentials for an unknown e-mail or a wrong password alike
     * @throws io.ticketing.user.domain.model.TooManyLoginAttempts after too many recent failures
     */
    SessionTokens logIn(LogInCommand command);
}
