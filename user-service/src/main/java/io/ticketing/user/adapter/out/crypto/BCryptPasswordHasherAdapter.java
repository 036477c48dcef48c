package io.ticketing.user.adapter.out.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import io.ticketing.user.application.port.out.PasswordHasher;
import io.ticketing.user.config.AuthProperties;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * BCrypt over a SHA-256 pre-hash. BCrypt reads at most 72 bytes, and a 128-character password can be up to
 * 512 UTF-8 bytes, so two passwords sharing their first 72 bytes would otherwise be the same password.
 * The pre-hash is Base64-encoded (44 ASCII bytes) because raw digest bytes may contain NUL, which some bcrypt
 * implementations treat as the end of the input.
 */
@Component
class BCryptPasswordHasherAdapter implements PasswordHasher {

    private final BCryptPasswordEncoder encoder;
    private final String decoyHash;

    BCryptPasswordHasherAdapter(AuthProperties properties) {
        this.encoder = new BCryptPasswordEncoder(properties.bcryptStrength());
        this.decoyHash = encoder.encode(preHash("decoy password for unknown accounts"));
    }

    @Override
    public String hash(String rawPassword) {
        String hash = encoder.encode(preHash(rawPassword));
        if (hash == null) {
            throw new IllegalStateException("BCrypt produced no hash");
        }
        return hash;
    }

    @Override
    public boolean matches(String rawPassword, String storedHash) {
        return encoder.matches(preHash(rawPassword), storedHash);
    }

    @Override
    public boolean matchesNothing(String rawPassword) {
        encoder.matches(preHash(rawPassword), decoyHash);
        return false;
    }

    static String preHash(String rawPassword) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawPassword.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
