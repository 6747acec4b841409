package com.reservas.payment.domain;

import com.reservas.consumer.support.loop.Decision;
import java.util.Objects;

/**
 * What to do about a reservation snapshot (docs/spec.md §3). Consumers act on the snapshot, not on
 * the event type, because the same release can be announced more than once (a late authorization
 * after a cancellation re-emits CANCELLED with payment AUTHORIZED):
 *
 * <table>
 *   <caption>decisions</caption>
 *   <tr><th>status</th><th>paymentStatus</th><th>decision</th></tr>
 *   <tr><td>CREATED</td><td>PENDING</td><td>AUTHORIZE</td></tr>
 *   <tr><td>PAYMENT_IN_PROGRESS</td><td>IN_PROGRESS</td><td>AUTHORIZE again, same key, when the
 *   event is a reminder (the first answer never reached the projector); the first announcement of
 *   the status is the echo of this consumer's own start and is ignored</td></tr>
 *   <tr><td>CANCELLED</td><td>IN_PROGRESS</td><td>AUTHORIZE again, same key: learns whether Stripe
 *   made the authorization; a late authorization of a cancelled reservation is then voided</td></tr>
 *   <tr><td>SUPPLIER_CONFIRMED</td><td>AUTHORIZED</td><td>CAPTURE</td></tr>
 *   <tr><td>CANCELLED</td><td>AUTHORIZED</td><td>VOID (a refund if Stripe says it is captured)</td></tr>
 *   <tr><td>CANCELLED</td><td>CAPTURED</td><td>REFUND</td></tr>
 *   <tr><td colspan="2">anything else</td><td>nothing</td></tr>
 * </table>
 *
 * A capture, void or refund without a PaymentIntent id is a malformed snapshot: refused.
 */
public final class PaymentPolicy {

  /**
   * Decides what to do about {@code reservation}.
   *
   * @param reminder the snapshot comes from the stuck-reservation policy's re-announcement
   */
  public Decision<PaymentOperation> decide(ReservationPayment reservation, boolean reminder) {
    Objects.requireNonNull(reservation, "reservation");
    String status = reservation.status();
    String payment = reservation.paymentStatus();
    if (ReservationPayment.CREATED.equals(status) && ReservationPayment.PENDING.equals(payment)) {
      return Decision.act(PaymentOperation.AUTHORIZE, "new reservation, payment pending");
    }
    if (ReservationPayment.IN_PROGRESS.equals(payment)
        && ((reminder && ReservationPayment.PAYMENT_IN_PROGRESS.equals(status))
            || ReservationPayment.CANCELLED.equals(status))) {
      // Replayed under the same Idempotency-Key: Stripe answers what it did the first time.
      return Decision.act(
          PaymentOperation.AUTHORIZE, "authorization answer never recorded: asked again");
    }
    if (ReservationPayment.SUPPLIER_CONFIRMED.equals(status)
        && ReservationPayment.AUTHORIZED.equals(payment)) {
      return withPaymentIntent(
          reservation, PaymentOperation.CAPTURE, "supplier confirmed an authorized reservation");
    }
    if (ReservationPayment.CANCELLED.equals(status)
        && ReservationPayment.AUTHORIZED.equals(payment)) {
      return withPaymentIntent(
          reservation, PaymentOperation.VOID, "cancelled with an uncaptured authorization");
    }
    if (ReservationPayment.CANCELLED.equals(status)
        && ReservationPayment.CAPTURED.equals(payment)) {
      return withPaymentIntent(reservation, PaymentOperation.REFUND, "cancelled after the capture");
    }
    return Decision.skip("nothing to do for status " + status + " and payment " + payment);
  }

  private static Decision<PaymentOperation> withPaymentIntent(
      ReservationPayment reservation, PaymentOperation operation, String reason) {
    if (reservation.paymentIntentId() == null || reservation.paymentIntentId().isBlank()) {
      return Decision.refuse(
          "Reservation "
              + reservation.code()
              + ": "
              + reason
              + ", but the snapshot has no paymentIntentId to "
              + operation.key());
    }
    return Decision.act(operation, reason);
  }
}
