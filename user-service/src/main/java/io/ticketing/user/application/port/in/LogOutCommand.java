package io.ticketing.user.application.port.in;

import io.ticketing.user.domain.model.UserId;

/** The verified caller and the refresh token of the session to end. */
public record LogOutCommand(UserId caller, String refreshToken) {

    @Override
    public String toString() {
        return "LogOutCommand[caller=" + caller + "]";
    }
}
