package com.reservas.stripe.standin;

/**
 * What happened to the money of one reservation (or of all, as totals), so that tests can prove
 * that nothing was charged twice and every authorization was captured, voided or refunded.
 *
 * @param paymentIntents PaymentIntents created, declined ones included
 * @param authorizations successful authorizations (confirmations that were not declined)
 * @param declines declined confirmations
 * @param captures captures, explicit or automatic
 * @param capturedAmount amount captured, minor units
 * @param voids PaymentIntents canceled (authorizations released)
 * @param refunds refunds created
 * @param refundedAmount amount refunded, minor units
 */
public record ReservationCharges(
    long paymentIntents,
    long authorizations,
    long declines,
    long captures,
    long capturedAmount,
    long voids,
    long refunds,
    long refundedAmount) {

  /** Nothing happened yet. */
  public static final ReservationCharges NONE = new ReservationCharges(0, 0, 0, 0, 0, 0, 0, 0);

  ReservationCharges plusPaymentIntent() {
    return new ReservationCharges(
        paymentIntents + 1,
        authorizations,
        declines,
        captures,
        capturedAmount,
        voids,
        refunds,
        refundedAmount);
  }

  ReservationCharges plusAuthorization() {
    return new ReservationCharges(
        paymentIntents,
        authorizations + 1,
        declines,
        captures,
        capturedAmount,
        voids,
        refunds,
        refundedAmount);
  }

  ReservationCharges plusDecline() {
    return new ReservationCharges(
        paymentIntents,
        authorizations,
        declines + 1,
        captures,
        capturedAmount,
        voids,
        refunds,
        refundedAmount);
  }

  ReservationCharges plusCapture(long amount) {
    return new ReservationCharges(
        paymentIntents,
        authorizations,
        declines,
        captures + 1,
        capturedAmount + amount,
        voids,
        refunds,
        refundedAmount);
  }

  ReservationCharges plusVoid() {
    return new ReservationCharges(
        paymentIntents,
        authorizations,
        declines,
        captures,
        capturedAmount,
        voids + 1,
        refunds,
        refundedAmount);
  }

  ReservationCharges plusRefund(long amount) {
    return new ReservationCharges(
        paymentIntents,
        authorizations,
        declines,
        captures,
        capturedAmount,
        voids,
        refunds + 1,
        refundedAmount + amount);
  }
}
