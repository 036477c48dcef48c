package io.ticketing.train.application.port.in;

import io.ticketing.train.domain.model.Money;

/** {@code {"amount": "12.50", "currency": "EUR"}} */
public record MoneyView(String amount, String currency) {

    public static MoneyView of(Money money) {
        return new MoneyView(money.amountText(), money.currency());
    }
}
