package io.ticketing.user.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Password hashing, sessions and login throttling ({@code ticketing.auth.*}).
 *
 * @param bcryptStrength     log2 of the BCrypt rounds; 10 keeps hundreds of sign-ups affordable on small machines
 * @param maxLoginFailures   failed logins for one e-mail within {@code loginFailureWindow} before 429
 */
@ConfigurationProperties("ticketing.auth")
public record AuthProperties(
        @DefaultValue("14d") Duration refreshTokenTtl,
        @DefaultValue("10") int bcryptStrength,
        @DefaultValue("5") int maxLoginFailures,
        @DefaultValue("1m") Duration loginFailureWindow) {
}
