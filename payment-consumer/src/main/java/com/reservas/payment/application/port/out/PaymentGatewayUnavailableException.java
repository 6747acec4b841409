package com.reservas.payment.application.port.out;

/**
 * The payment provider could not be reached or kept failing (timeouts, 5xx, 429, connection errors,
 * circuit breaker open). Transient: the event is retried later.
 */
public class PaymentGatewayUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why, with the cause. */
  public PaymentGatewayUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
