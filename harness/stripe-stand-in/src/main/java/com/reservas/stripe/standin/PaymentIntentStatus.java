package com.reservas.stripe.standin;

import java.util.Locale;

/** The PaymentIntent statuses Stripe reports, with their wire names. */
public enum PaymentIntentStatus {
  REQUIRES_PAYMENT_METHOD,
  REQUIRES_CONFIRMATION,
  REQUIRES_ACTION,
  PROCESSING,
  REQUIRES_CAPTURE,
  CANCELED,
  SUCCEEDED;

  /** The status as Stripe writes it, e.g. {@code requires_capture}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
