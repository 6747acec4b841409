package com.reservas.reservation.domain;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount in a currency, always with two decimal places as prices are shown to customers. */
public record Money(BigDecimal amount, String currency) {
  public Money {
    requireNonNull(amount, "amount");
    requireNonNull(currency, "currency");
    amount = amount.setScale(2, RoundingMode.HALF_UP);
  }

  public Money times(long factor) {
    return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
  }

  /** The decimal string of the contract, e.g. {@code "412.00"}. */
  public String amountText() {
    return amount.toPlainString();
  }

  /** The amount in the currency's minor unit (cents), as card processors expect it. */
  public long minorUnits() {
    return amount.movePointRight(2).longValueExact();
  }
}
