package io.ticketing.user.domain.model;

import io.ticketing.platform.error.DomainProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailAddressTest {

    @Test
    void trimsAndLowerCases() {
        assertThat(EmailAddress.parse("  Ann.Lee@Example.COM \t").value()).isEqualTo("ann.lee@example.com");
    }

    @Test
    void normalizesWithoutJudging() {
        assertThat(EmailAddress.normalize(" NOT AN ADDRESS ")).isEqualTo("not an address");
        assertThat(EmailAddress.normalize(null)).isEmpty();
    }

    @Test
    void lowerCasesIndependentlyOfTheDefaultLocale() {
        java.util.Locale previous = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
            assertThat(EmailAddress.parse("INFO@EXAMPLE.COM").value()).isEqualTo("info@example.com");
        } finally {
            java.util.Locale.setDefault(previous);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.co", "first.last+tag@sub.example.org", "admin@ticketing.local", "x_y-z@a-b.io"})
    void acceptsPracticalAddresses(String address) {
        assertThat(EmailAddress.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@example.com", "a@", "a@localhost", "a..b@example.com", ".a@example.com",
            "a@-example.com", "a@example..com", "a b@example.com", "a@b@example.com", "a@example.c0m1-"})
    void refusesMalformedAddresses(String address) {
        assertThat(EmailAddress.isValid(address)).isFalse();
        assertThatThrownBy(() -> new EmailAddress(address)).isInstanceOf(DomainProblem.class);
    }

    @Test
    void refusesOverlongAddresses() {
        assertThat(EmailAddress.isValid("a".repeat(65) + "@example.com")).isFalse();
        String label = "b".repeat(60) + ".";
        assertThat(EmailAddress.isValid("a@" + label.repeat(4) + "com")).isTrue();
        assertThat(EmailAddress.isValid("a@" + label.repeat(5) + "com")).isFalse();
    }
}
