package io.ticketing.user.adapter.out.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.ticketing.platform.security.TokenSettings;
import io.ticketing.user.application.port.out.AccessTokenIssuer;
import io.ticketing.user.config.JwtProperties;
import io.ticketing.user.domain.model.Role;
import io.ticketing.user.domain.model.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** RS256 access tokens: {@code kid} header; iss, aud, sub (user id), roles, email, iat, exp, jti claims. */
@Component
class JwtAccessTokenAdapter implements AccessTokenIssuer {

    static final String EMAIL_CLAIM = "email";

    private final RSAKey signingKey;
    private final RSASSASigner signer;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;

    @Autowired
    JwtAccessTokenAdapter(RSAKey signingKey, TokenSettings settings, JwtProperties properties) {
        this(signingKey, settings.issuer(), settings.audience(), properties.accessTokenTtl());
    }

    JwtAccessTokenAdapter(RSAKey signingKey, String issuer, String audience, Duration lifetime) {
        try {
            this.signer = new RSASSASigner(signingKey);
        } catch (JOSEException e) {
            throw new IllegalStateException("The signing key has no private part", e);
        }
        this.signingKey = signingKey;
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
    }

    @Override
    public AccessToken issue(User user, Instant now) {
        Instant expiresAt = now.plus(lifetime);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(user.id().toString())
                .claim(TokenSettings.ROLES_CLAIM, user.roles().stream().map(Role::name).toList())
                .claim(EMAIL_CLAIM, user.email().value())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(signingKey.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
        return new AccessToken(jwt.serialize(), lifetime);
    }
}
