package com.reservas.payment.domain;

/**
 * What the payment consumer needs to know of a reservation snapshot.
 *
 * @param code the reservation code
 * @param status the reservation status ({@code CREATED}, {@code PAYMENT_IN_PROGRESS}, {@code PAID},
 *     {@code SUPPLIER_CONFIRMED}, {@code CANCELLED})
 * @param paymentStatus the payment sub-status ({@code PENDING}, {@code IN_PROGRESS}, {@code
 *     AUTHORIZED}, {@code CAPTURED}, {@code DECLINED}, {@code FAILED}, {@code VOIDED}, {@code
 *     REFUNDED})
 * @param amount the price's decimal amount, as in the snapshot ({@code "412.00"})
 * @param currency the price's currency ({@code "EUR"})
 * @param paymentMethodToken the Stripe PaymentMethod ({@code pm_...}); personal data
 * @param paymentIntentId the PaymentIntent of the authorization, once there is one
 */
public record ReservationPayment(
    String code,
    String status,
    String paymentStatus,
    String amount,
    String currency,
    String paymentMethodToken,
    String paymentIntentId) {

  /** Reservation statuses this consumer reacts to. */
  public static final String CREATED = "CREATED";

  /** An authorization was started; its answer may not have come back. */
  public static final String PAYMENT_IN_PROGRESS = "PAYMENT_IN_PROGRESS";

  /** The supplier confirmed the car: capture. */
  public static final String SUPPLIER_CONFIRMED = "SUPPLIER_CONFIRMED";

  /** The reservation is cancelled: release the money. */
  public static final String CANCELLED = "CANCELLED";

  /** Payment sub-status before anything happened. */
  public static final String PENDING = "PENDING";

  /** Payment sub-status while an authorization's answer is awaited. */
  public static final String IN_PROGRESS = "IN_PROGRESS";

  /** Payment sub-status of a secured, uncaptured amount. */
  public static final String AUTHORIZED = "AUTHORIZED";

  /** Payment sub-status of a charged amount. */
  public static final String CAPTURED = "CAPTURED";

  /**
   * Whether an authorization was asked for before: the projector recorded its start, so this is a
   * reminder or a cancellation that waits for the answer, and Stripe may have made it already.
   */
  public boolean authorizationAskedBefore() {
    return IN_PROGRESS.equals(paymentStatus);
  }

  /** The price as {@link Money}; throws {@link IllegalArgumentException} if it is malformed. */
  public Money price() {
    return Money.parse(amount, currency);
  }

  @Override
  public String toString() {
    return "ReservationPayment[code="
        + code
        + ", status="
        + status
        + ", paymentStatus="
        + paymentStatus
        + ", amount="
        + amount
        + " "
        + currency
        + ", paymentIntentId="
        + paymentIntentId
        + "]";
  }
}
