package io.ticketing.user.application.port.out;

import java.time.Duration;
import java.time.Instant;

import io.ticketing.user.domain.model.User;

/** Signs short-lived access tokens other services verify with the published keys. */
public interface AccessTokenIssuer {

    AccessToken issue(User user, Instant now);

    record AccessToken(String value, Duration lifetime) {
        @Override
        public String toString() {
            return "AccessToken[***]";
        }
    }
}
