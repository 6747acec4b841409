package com.reservas.payment.domain;

import java.util.Locale;

/** What the payment consumer asks Stripe to do for a reservation. */
public enum PaymentOperation {
  /** Secure the amount on the card (PaymentIntent, manual capture). */
  AUTHORIZE,
  /** Charge the authorized amount once the supplier confirmed the car. */
  CAPTURE,
  /** Cancel an authorization that was not captured. */
  VOID,
  /** Give back a captured amount. */
  REFUND;

  /** The lower-case name used in idempotency keys and outcome ids: {@code authorize}... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The idempotency key of this operation on a reservation: {@code {code}-authorize|capture|void|
   * refund}. The same on every retry and redelivery, so Stripe executes each operation once.
   */
  public String idempotencyKey(String reservationCode) {
    if (reservationCode == null || reservationCode.isBlank()) {
      throw new IllegalArgumentException("reservation code is required");
    }
    return reservationCode + "-" + key();
  }
}
