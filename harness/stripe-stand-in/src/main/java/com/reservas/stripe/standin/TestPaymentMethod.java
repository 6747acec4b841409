package com.reservas.stripe.standin;

import java.util.Arrays;
import java.util.Optional;

/**
 * The test-mode PaymentMethods the stand-in knows, each answering as it does in Stripe's test mode,
 * so that decline handling can be tested with the same tokens that work against Stripe itself.
 */
public enum TestPaymentMethod {
  VISA("pm_card_visa", "visa", "4242", null),
  MASTERCARD("pm_card_mastercard", "mastercard", "4444", null),
  CHARGE_DECLINED(
      "pm_card_chargeDeclined",
      "visa",
      "0002",
      new CardDecline("card_declined", "generic_decline", "Your card was declined.")),
  CHARGE_DECLINED_INSUFFICIENT_FUNDS(
      "pm_card_chargeDeclinedInsufficientFunds",
      "visa",
      "9995",
      new CardDecline("card_declined", "insufficient_funds", "Your card has insufficient funds.")),
  CHARGE_DECLINED_EXPIRED_CARD(
      "pm_card_chargeDeclinedExpiredCard",
      "visa",
      "0069",
      new CardDecline("expired_card", "expired_card", "Your card has expired."));

  /**
   * How Stripe reports a declined charge: the error {@code code}, the issuer's {@code
   * decline_code}, and the message.
   */
  public record CardDecline(String code, String declineCode, String message) {}

  private final String id;
  private final String brand;
  private final String last4;
  private final CardDecline decline;

  TestPaymentMethod(String id, String brand, String last4, CardDecline decline) {
    this.id = id;
    this.brand = brand;
    this.last4 = last4;
    this.decline = decline;
  }

  /** The PaymentMethod id to send as {@code payment_method}, e.g. {@code pm_card_visa}. */
  public String id() {
    return id;
  }

  public String brand() {
    return brand;
  }

  public String last4() {
    return last4;
  }

  /** How an authorization with this card is declined; empty when it succeeds. */
  public Optional<CardDecline> decline() {
    return Optional.ofNullable(decline);
  }

  /** The test PaymentMethod with this id, if the stand-in knows it. */
  public static Optional<TestPaymentMethod> byId(String id) {
    return Arrays.stream(values()).filter(pm -> pm.id.equals(id)).findFirst();
  }
}
