package com.reservas.payment.application.port.out;

import com.reservas.consumer.support.loop.UnprocessableEventException;

/**
 * The payment provider refused a capture, void or refund for good (e.g. the PaymentIntent is in a
 * state that does not allow it). Retrying will not help: an operator must look at it.
 */
public class PaymentOperationRejectedException extends UnprocessableEventException {

  private static final long serialVersionUID = 1L;

  private final String paymentIntentId;

  /** Why, about which PaymentIntent, with the cause. */
  public PaymentOperationRejectedException(
      String paymentIntentId, String message, Throwable cause) {
    super(message, cause);
    this.paymentIntentId = paymentIntentId;
  }

  /** The PaymentIntent the refused operation was for. */
  public String paymentIntentId() {
    return paymentIntentId;
  }
}
