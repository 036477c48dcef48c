package io.ticketing.user.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads or creates the RSA keys. The {@code kid} is the key's RFC 7638 thumbprint, so the same key always has
 * the same id whichever way it was loaded, and a rotated key never collides with the old one.
 */
public final class JwtKeys {

    private static final Logger log = LoggerFactory.getLogger(JwtKeys.class);
    static final String GENERATED_FILE = "jwt-signing-key.pem";
    private static final int KEY_SIZE = 2048;

    private JwtKeys() {
    }

    /** The signing key (with its private part) as configured. */
    public static RSAKey signingKey(JwtProperties properties) {
        if (present(properties.privateKeyPath())) {
            RSAPrivateKey privateKey = readPrivateKey(Path.of(properties.privateKeyPath()));
            RSAPublicKey publicKey = present(properties.publicKeyPath())
                    ? readPublicKey(Path.of(properties.publicKeyPath()))
                    : derivePublicKey(privateKey);
            return withThumbprintId(new RSAKey.Builder(publicKey).privateKey(privateKey));
        }
        return generatedKey(properties.keyDirectory());
    }

    /** The retired public key to keep publishing, if one is configured. */
    public static @Nullable RSAKey previousKey(JwtProperties properties) {
        if (!present(properties.previousPublicKeyPath())) {
            return null;
        }
        return withThumbprintId(new RSAKey.Builder(readPublicKey(Path.of(properties.previousPublicKeyPath()))));
    }

    /**
     * Reads the key generated on an earlier start, or generates it. Written to a temporary file and then
     * hard-linked into place, so replicas sharing the folder agree on one key even when they start together.
     */
    static RSAKey generatedKey(Path dir) {
        Path file = dir.resolve(GENERATED_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(KEY_SIZE);
                KeyPair pair = generator.generateKeyPair();
                Path tmp = Files.createTempFile(dir, "key", ".tmp");
                try {
                    restrictToOwner(tmp);
                    Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                    Files.createLink(file, tmp);
                    log.info("Generated a new JWT signing key in {}", file);
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            RSAPrivateKey privateKey = readPrivateKey(file);
            return withThumbprintId(new RSAKey.Builder(derivePublicKey(privateKey)).privateKey(privateKey));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create or read the JWT key in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static RSAKey withThumbprintId(RSAKey.Builder builder) {
        try {
            RSAKey key = builder.keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
            return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot compute the key thumbprint", e);
        }
    }

    private static RSAPrivateKey readPrivateKey(Path file) {
        byte[] der = readPem(file, "PRIVATE KEY");
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("Not an RSA private key in PKCS#8 PEM: " + file, e);
        }
    }

    private static RSAPublicKey readPublicKey(Path file) {
        byte[] der = readPem(file, "PUBLIC KEY");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("Not an RSA public key in X.509 PEM: " + file, e);
        }
    }

    private static RSAPublicKey derivePublicKey(RSAPrivateKey privateKey) {
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("Cannot derive the public key; configure JWT_PUBLIC_KEY_PATH");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive the RSA public key", e);
        }
    }

    private static byte[] readPem(Path file, String type) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read key file " + file, e);
        }
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("Expected a '" + begin + "' block in " + file
                    + " (convert PKCS#1 keys with: openssl pkcs8 -topk8 -nocrypt)");
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system; the folder's own permissions apply
        }
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
