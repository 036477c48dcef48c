package io.ticketing.user.adapter.out.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.ticketing.user.application.port.out.AccessTokenIssuer.AccessToken;
import io.ticketing.user.domain.model.EmailAddress;
import io.ticketing.user.domain.model.Role;
import io.ticketing.user.domain.model.User;
import io.ticketing.user.domain.model.UserId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JwtAccessTokenAdapterTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void signsAnRs256TokenWithTheAgreedClaims() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("kid-1").generate();
        JwtAccessTokenAdapter issuer = new JwtAccessTokenAdapter(key, "ticketing", "ticketing-api",
                Duration.ofMinutes(15));
        UserId id = new UserId(UUID.randomUUID());
        User admin = User.register(id, EmailAddress.parse("boss@example.com"), "Boss", Set.of(Role.ADMIN),
                "$2a$hash", NOW).user();

        AccessToken token = issuer.issue(admin, NOW);

        SignedJWT jwt = SignedJWT.parse(token.value());
        assertThat(jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("kid-1");
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("ticketing");
        assertThat(claims.getAudience()).containsExactly("ticketing-api");
        assertThat(claims.getSubject()).isEqualTo(id.toString());
        assertThat(claims.getStringListClaim("roles")).containsExactly("USER", "ADMIN");
        assertThat(claims.getStringClaim("email")).isEqualTo("boss@example.com");
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(NOW));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.plus(Duration.ofMinutes(15))));
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(token.lifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(claims.toString()).doesNotContain("$2a$hash");
    }
}
