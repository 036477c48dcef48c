package io.ticketing.user.config;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signing keys and access-token lifetime ({@code ticketing.jwt.*}). With {@code privateKeyPath} set the key
 * comes from PEM files (PKCS#8 private key, X.509 public key; the public one is derived when absent);
 * otherwise a key pair is generated once into {@code keyDir} (default {@code ~/.ticketing/keys}) and reused on
 * every later start.
 *
 * @param previousPublicKeyPath a retired key still published in the JWKS so tokens it signed stay valid
 */
@ConfigurationProperties("ticketing.jwt")
public record JwtProperties(
        @Nullable String privateKeyPath,
        @Nullable String publicKeyPath,
        @Nullable String previousPublicKeyPath,
        @Nullable String keyDir,
        @DefaultValue("15m") Duration accessTokenTtl) {

    public Path keyDirectory() {
        return keyDir == null || keyDir.isBlank()
                ? Path.of(System.getProperty("user.home"), ".ticketing", "keys")
                : Path.of(keyDir);
    }
}
