package io.ticketing.user.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Password hashing, sessions and login throttling ({@code ticketing.auth.*}).
 *
 * @param refreshReuseGrace  how long after its rotation a refresh token may be presented again and be refused
 *                           (401) without revoking its session: a duplicated browser tab or a retried refresh
 *                           whose answer was lost is the session's own client, and the holder of the newer token
 *                           stays logged in. Reuse later revokes the whole session (theft detection). The
 *                           default {@code 0s} revokes on every reuse, as API.md specifies; a deployment that
 *                           allows a grace should keep it short: within it, a thief who used the token first keeps
 *                           the session when its owner comes back with the old token.
 * @param bcryptStrength     log2 of the BCrypt rounds; 10 keeps hundreds of sign-ups affordable on small machines
 * @param maxLoginFailures   failed logins for one e-mail within {@code loginFailureWindow} before 429
 */
@ConfigurationProperties("ticketing.auth")
public record AuthProperties(
        @DefaultValue("14d") Duration refreshTokenTtl,
        @DefaultValue("0s") Duration refreshReuseGrace,
        @DefaultValue("10") int bcryptStrength,
        @DefaultValue("5") int maxLoginFailures,
        @DefaultValue("1m") Duration loginFailureWindow) {
}
