package io.ticketing.user.adapter.out.crypto;

import java.time.Duration;

import io.ticketing.user.config.AuthProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BCryptPasswordHasherAdapterTest {

    private final BCryptPasswordHasherAdapter hasher = new BCryptPasswordHasherAdapter(
            new AuthProperties(Duration.ofDays(1), Duration.ofSeconds(30), 4, 5, Duration.ofMinutes(1)));

    @Test
    void hashesAreSaltedBcryptAndVerify() {
        String first = hasher.hash("correct horse battery");
        String second = hasher.hash("correct horse battery");

        assertThat(first).startsWith("$2a$04$").isNotEqualTo(second).doesNotContain("correct horse");
        assertThat(hasher.matches("correct horse battery", first)).isTrue();
        assertThat(hasher.matches("correct horse battery!", first)).isFalse();
    }

    @Test
    void passwordsLongerThanBcryptsSeventyTwoBytesStillCountInFull() {
        String prefix = "\u00e9".repeat(40); // 80 UTF-8 bytes
        String hash = hasher.hash(prefix + "one");

        assertThat(hasher.matches(prefix + "one", hash)).isTrue();
        assertThat(hasher.matches(prefix + "two", hash)).isFalse();
    }

    @Test
    void decoyCheckNeverMatches() {
        assertThat(hasher.matchesNothing("decoy password for unknown accounts")).isFalse();
    }
}
