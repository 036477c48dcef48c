package io.ticketing.user.domain.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private static final String EMAIL = "ann@example.com";

    @Test
    void acceptsTenToOneHundredTwentyEightCharacters() {
        assertThat(PasswordPolicy.violation("0123456789", EMAIL)).isEmpty();
        assertThat(PasswordPolicy.violation("x".repeat(128), EMAIL)).isEmpty();
    }

    @Test
    void refusesTooShortAndTooLong() {
        assertThat(PasswordPolicy.violation("012345678", EMAIL)).isPresent();
        assertThat(PasswordPolicy.violation("x".repeat(129), EMAIL)).isPresent();
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String tenEmoji = "\uD83D\uDE00".repeat(10);
        assertThat(tenEmoji.length()).isEqualTo(20);
        assertThat(PasswordPolicy.violation(tenEmoji, EMAIL)).isEmpty();
        assertThat(PasswordPolicy.violation("\uD83D\uDE00".repeat(129), EMAIL)).isPresent();
    }

    @Test
    void refusesTheEmailAddressInAnyCase() {
        assertThat(PasswordPolicy.violation("ann@example.com", EMAIL)).contains("must not be the e-mail address");
        assertThat(PasswordPolicy.violation(" ANN@Example.com ", EMAIL)).isPresent();
    }

    @Test
    void refusesBlankPasswords() {
        assertThat(PasswordPolicy.violation(" ".repeat(12), EMAIL)).isPresent();
    }
}
