package io.ticketing.user.config;

import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.ticketing.platform.security.ResourceServerAutoConfiguration;
import io.ticketing.platform.security.TokenSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Keys and token verification. This service verifies its own tokens with its own public keys (the same set
 * it publishes), so it never calls itself over HTTP and starts without a JWKS endpoint to reach.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    RSAKey jwtSigningKey(JwtProperties properties) {
        return JwtKeys.signingKey(properties);
    }

    /** What {@code /.well-known/jwks.json} serves: the current public key, then the previous one if any. */
    @Bean
    JWKSet publicJwks(RSAKey jwtSigningKey, JwtProperties properties) {
        List<JWK> keys = new ArrayList<>();
        keys.add(jwtSigningKey.toPublicJWK());
        RSAKey previous = JwtKeys.previousKey(properties);
        if (previous != null && !previous.getKeyID().equals(jwtSigningKey.getKeyID())) {
            keys.add(previous);
        }
        return new JWKSet(keys);
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSet publicJwks, TokenSettings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(publicJwks))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(ResourceServerAutoConfiguration.validator(settings));
        return decoder;
    }
}
