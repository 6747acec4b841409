package com.reservas.payment.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount in a currency, as the reservation states it ({@code "412.00"}, {@code "EUR"}), and as
 * Stripe wants it: minor units ({@code 41200}) and a lower-case currency ({@code eur}).
 *
 * @param amount the decimal amount, positive, with no more decimals than the currency has
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) {

  /** Validates. */
  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("amount must be positive, got " + amount);
    }
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    if (amount.stripTrailingZeros().scale() > digits) {
      throw new IllegalArgumentException(
          "amount "
              + amount.toPlainString()
              + " has more than "
              + digits
              + " decimals for "
              + currency);
    }
  }

  /**
   * Parses the reservation's price.
   *
   * @throws IllegalArgumentException if the amount is not a positive decimal or the currency not an
   *     ISO 4217 code
   */
  public static Money parse(String amount, String currency) {
    if (amount == null || currency == null) {
      throw new IllegalArgumentException("amount and currency are required");
    }
    BigDecimal decimal;
    try {
      decimal = new BigDecimal(amount.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("amount '" + amount + "' is not a decimal number", e);
    }
    Currency iso;
    try {
      iso = Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("currency '" + currency + "' is not an ISO 4217 code", e);
    }
    return new Money(decimal, iso);
  }

  /** The amount in the currency's smallest unit, as Stripe's {@code amount}: 412.00 EUR → 41200. */
  public long minorUnits() {
    return amount.movePointRight(Math.max(currency.getDefaultFractionDigits(), 0)).longValueExact();
  }

  /** The currency as Stripe's {@code currency}: {@code eur}. */
  public String stripeCurrency() {
    return currency.getCurrencyCode().toLowerCase(Locale.ROOT);
  }

  /** The amount with the currency's decimals: {@code 412.00}. */
  public String amountText() {
    return amount.setScale(Math.max(currency.getDefaultFractionDigits(), 0)).toPlainString();
  }

  /** The ISO code: {@code EUR}. */
  public String currencyCode() {
    return currency.getCurrencyCode();
  }
}
