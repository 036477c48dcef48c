package io.ticketing.gateway.support;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens as user-service issues them (RS256, iss/aud/roles), signed with test keys served by
 * {@link StubServices}.
 */
public final class TestTokens {

    public static final RSAKey KEY = generate("test-key-1");
    /** Not published until a test rotates to it. */
    public static final RSAKey NEXT_KEY = generate("test-key-2");
    private static final List<JWK> PUBLISHED = new CopyOnWriteArrayList<>(List.of(KEY.toPublicJWK()));

    private TestTokens() {
    }

    public static String jwks() {
        return new JWKSet(List.copyOf(PUBLISHED)).toString();
    }

    public static void publish(RSAKey key) {
        if (PUBLISHED.stream().noneMatch(k -> k.getKeyID().equals(key.getKeyID()))) {
            PUBLISHED.add(key.toPublicJWK());
        }
    }

    public static String user(UUID id) {
        return sign(claims(id, List.of("USER")).build(), KEY);
    }

    public static String admin(UUID id) {
        return sign(claims(id, List.of("USER", "ADMIN")).build(), KEY);
    }

    public static String with(UUID id, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(claims(id, List.of("USER"))).build(), KEY);
    }

    public static String expired(UUID id) {
        Instant past = Instant.now().minusSeconds(3600);
        return with(id, c -> c.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(600))));
    }

    /** A valid USER token whose payload was then edited to claim ADMIN: the signature no longer matches. */
    public static String tampered(UUID id) {
        String[] parts = user(id).split("\\.");
        String forged = claims(id, List.of("USER", "ADMIN")).build().toString();
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "."
                + parts[2];
    }

    public static String unsigned(UUID id) {
        return new PlainJWT(claims(id, List.of("USER", "ADMIN")).build()).serialize();
    }

    /** Signed with HMAC using the public key's bytes as secret: the classic algorithm-confusion attack. */
    public static String hmacSigned(UUID id) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID()).build(),
                    claims(id, List.of("USER", "ADMIN")).build());
            jwt.sign(new MACSigner(KEY.toPublicJWK().toJSONString().repeat(2).getBytes()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JWTClaimsSet.Builder claims(UUID id, List<String> roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("ticketing")
                .audience("ticketing-api")
                .subject(id.toString())
                .claim("roles", roles)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
