package io.ticketing.user.application.port.in;

import java.time.Duration;

/** What a successful login or refresh hands out. */
public record SessionTokens(String accessToken, Duration accessTokenLifetime, String refreshToken) {

    @Override
    public String toString() {
        return "SessionTokens[***]";
    }
}
