package io.ticketing.user.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The opaque value a client holds: 256 random bits, base64url. Only its SHA-256 is stored, so a database
 * leak yields no usable token; a fast hash is enough because the value has full entropy.
 */
public record RefreshTokenSecret(String value) {

    private static final int BYTES = 32;

    public static RefreshTokenSecret generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new RefreshTokenSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Hex SHA-256 of the value, as stored and looked up. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "RefreshTokenSecret[***]";
    }
}
