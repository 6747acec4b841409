package com.reservas.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class MoneyProperties {

  @Property
  void stripeGetsTheAmountInCentsAndTheEventKeepsTheDecimalText(
      @ForAll @LongRange(min = 50, max = 99_999_999) long cents) {
    String text = BigDecimal.valueOf(cents, 2).toPlainString();

    Money money = Money.parse(text, "EUR");

    assertThat(money.minorUnits()).isEqualTo(cents);
    assertThat(money.amountText()).isEqualTo(text);
    assertThat(money.stripeCurrency()).isEqualTo("eur");
    assertThat(money.currencyCode()).isEqualTo("EUR");
  }

  @Example
  void zeroDecimalCurrenciesHaveNoCents() {
    assertThat(Money.parse("5000", "JPY").minorUnits()).isEqualTo(5000);
    assertThatThrownBy(() -> Money.parse("50.5", "JPY"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Example
  void malformedPricesAreRefused() {
    assertThatThrownBy(() -> Money.parse("abc", "EUR")).hasMessageContaining("not a decimal");
    assertThatThrownBy(() -> Money.parse("10.00", "EURO")).hasMessageContaining("ISO 4217");
    assertThatThrownBy(() -> Money.parse("-1.00", "EUR")).hasMessageContaining("positive");
    assertThatThrownBy(() -> Money.parse("1.001", "EUR")).hasMessageContaining("decimals");
  }
}
