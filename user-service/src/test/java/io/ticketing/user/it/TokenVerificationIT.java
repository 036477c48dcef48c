package io.ticketing.user.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.ticketing.platform.security.ResourceServerAutoConfiguration;
import io.ticketing.platform.security.TokenSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Access tokens verify against the published JWKS, and the resource-server setup refuses forgeries. */
class TokenVerificationIT extends IntegrationTestBase {

    @Autowired
    RSAKey signingKey;
    @Autowired
    TokenSettings settings;

    private UUID userId;
    private String accessToken;

    @BeforeEach
    void loggedIn() {
        String email = UserApi.uniqueEmail("token");
        userId = api.registered(email, PASSWORD);
        accessToken = api.login(email, PASSWORD).text("accessToken");
    }

    @Test
    void issuedTokensVerifyAgainstTheServedJwks() throws Exception {
        UserApi.Response jwks = api.get("/.well-known/jwks.json", null);
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.header("Content-Type")).startsWith("application/jwk-set+json");
        assertThat(jwks.raw().body()).doesNotContain("\"d\"").doesNotContain("\"p\"");
        HttpResponse<Void> head = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(api.baseUrl() + "/.well-known/jwks.json")).HEAD().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).as("HEAD answers as GET").isEqualTo(200);
        JWKSet keys = JWKSet.parse(jwks.raw().body());

        SignedJWT jwt = SignedJWT.parse(accessToken);
        RSAKey published = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(published).isNotNull();
        assertThat(published.isPrivate()).isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(published))).isTrue();

        // exactly what every other service does: the platform's validator over a JWKS fetched by URL
        NimbusJwtDecoder remote = NimbusJwtDecoder.withJwkSetUri(api.baseUrl() + "/.well-known/jwks.json").build();
        remote.setJwtValidator(ResourceServerAutoConfiguration.validator(settings));
        Jwt decoded = remote.decode(accessToken);
        assertThat(decoded.getSubject()).isEqualTo(userId.toString());
        assertThat(decoded.getClaimAsStringList("roles")).containsExactly("USER");
    }

    @Test
    void aTokenSignedByTheServiceKeyWithValidClaimsIsAccepted() throws Exception {
        assertThat(api.get("/api/v1/users/me", sign(signingKey, claims().build())).status()).isEqualTo(200);
    }

    @Test
    void noTokenIsUnauthorized() {
        UserApi.Response response = api.get("/api/v1/users/me", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aTamperedTokenIsRejected() {
        String[] parts = accessToken.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"USER\"", "\"ADMIN\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];

        assertThat(api.get("/api/v1/users/me", tampered).status()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRejected() throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        String expired = sign(signingKey, claims().issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(900))).build());

        assertThat(api.get("/api/v1/users/me", expired).status()).isEqualTo(401);
    }

    @Test
    void aTokenForAnotherAudienceIsRejected() throws Exception {
        assertThat(api.get("/api/v1/users/me", sign(signingKey, claims().audience("another-api").build())).status())
                .isEqualTo(401);
    }

    @Test
    void aTokenFromAnotherIssuerIsRejected() throws Exception {
        assertThat(api.get("/api/v1/users/me", sign(signingKey, claims().issuer("someone-else").build())).status())
                .isEqualTo(401);
    }

    @Test
    void anUnsignedAlgNoneTokenIsRejected() {
        String unsigned = new PlainJWT(claims().build()).serialize();

        assertThat(api.get("/api/v1/users/me", unsigned).status()).isEqualTo(401);
    }

    @Test
    void aTokenSignedWithAForeignKeyUnderOurKidIsRejected() throws Exception {
        RSAKey foreign = new RSAKeyGenerator(2048).keyID(signingKey.getKeyID()).generate();

        assertThat(api.get("/api/v1/users/me", sign(foreign, claims().build())).status()).isEqualTo(401);
    }

    private JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(userId.toString())
                .claim("roles", List.of("USER"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
