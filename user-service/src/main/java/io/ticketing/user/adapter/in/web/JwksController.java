package io.ticketing.user.adapter.in.web;

import java.time.Duration;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public keys verifiers fetch (RFC 7517). Cached briefly: verifiers refetch on an unknown {@code kid}. */
@RestController
class JwksController {

    private final Map<String, Object> jwks;

    JwksController(JWKSet publicJwks) {
        this.jwks = publicJwks.toJSONObject(true);
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = {"application/jwk-set+json", "application/json"})
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(jwks);
    }
}
