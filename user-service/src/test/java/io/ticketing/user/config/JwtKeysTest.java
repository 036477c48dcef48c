package io.ticketing.user.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class JwtKeysTest {

    @TempDir
    Path dir;

    @Test
    void generatesOnceAndReusesTheKeyOnRestart() {
        RSAKey first = JwtKeys.signingKey(props(null, null, null, dir.resolve("keys").toString()));
        RSAKey second = JwtKeys.signingKey(props(null, null, null, dir.resolve("keys").toString()));

        assertThat(first.isPrivate()).isTrue();
        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.getModulus()).isEqualTo(first.getModulus());
        assertThat(dir.resolve("keys").resolve(JwtKeys.GENERATED_FILE)).exists();
    }

    @Test
    void loadsConfiguredPemFilesAndPublishesThePreviousKey() throws Exception {
        RSAKey current = new RSAKeyGenerator(2048).generate();
        RSAKey previous = new RSAKeyGenerator(2048).generate();
        Path privatePem = write("current.pem", JwtKeys.pem("PRIVATE KEY", current.toPrivateKey().getEncoded()));
        Path publicPem = write("current.pub", JwtKeys.pem("PUBLIC KEY", current.toPublicKey().getEncoded()));
        Path previousPem = write("previous.pub", JwtKeys.pem("PUBLIC KEY", previous.toPublicKey().getEncoded()));

        JwtProperties properties = props(privatePem.toString(), publicPem.toString(), previousPem.toString(), null);
        RSAKey signing = JwtKeys.signingKey(properties);
        RSAKey retired = JwtKeys.previousKey(properties);

        assertThat(signing.getModulus()).isEqualTo(current.getModulus());
        assertThat(signing.getKeyID()).isEqualTo(current.computeThumbprint().toString());
        assertThat(retired).isNotNull();
        assertThat(retired.isPrivate()).isFalse();
        assertThat(retired.getKeyID()).isNotEqualTo(signing.getKeyID());
    }

    @Test
    void derivesThePublicKeyWhenOnlyThePrivateOneIsConfigured() throws Exception {
        RSAKey current = new RSAKeyGenerator(2048).generate();
        Path privatePem = write("only.pem", JwtKeys.pem("PRIVATE KEY", current.toPrivateKey().getEncoded()));

        RSAKey signing = JwtKeys.signingKey(props(privatePem.toString(), null, null, null));

        assertThat(signing.getModulus()).isEqualTo(current.getModulus());
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private static JwtProperties props(String privateKey, String publicKey, String previous, String keyDir) {
        return new JwtProperties(privateKey, publicKey, previous, keyDir, Duration.ofMinutes(15));
    }
}
