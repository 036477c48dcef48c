package io.ticketing.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How services verify access tokens ({@code ticketing.security.*}).
 *
 * @param jwksUrl     where user-service publishes its public keys
 * @param issuer      the {@code iss} every token must carry
 * @param audience    the {@code aud} every token must carry
 * @param publicPaths requests that need no token, as {@code "METHOD /ant/path/**"} (GET opens HEAD too) or
 *                    {@code "/path/**"} (any method)
 */
@ConfigurationProperties("ticketing.security")
public record TokenSettings(
        @DefaultValue("http://127.0.0.1:8081/.well-known/jwks.json") String jwksUrl,
        @DefaultValue("ticketing") String issuer,
        @DefaultValue("ticketing-api") String audience,
        @DefaultValue({}) List<String> publicPaths) {

    public static final String ROLES_CLAIM = "roles";
}
