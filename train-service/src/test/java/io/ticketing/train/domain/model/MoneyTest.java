package io.ticketing.train.domain.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void keepsTwoDecimals() {
        assertThat(Money.of("12.5", "EUR").amountText()).isEqualTo("12.50");
        assertThat(Money.of("7", "EUR").times(3).amountText()).isEqualTo("21.00");
    }

    @Test
    void refusesFractionsOfCentsAndBadCurrencies() {
        assertThatThrownBy(() -> Money.of("1.005", "EUR")).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of("1", "eur")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("-1", "EUR")).isInstanceOf(IllegalArgumentException.class);
    }
}
