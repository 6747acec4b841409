package com.reservas.payment.application.port.in;

/** The snapshot cannot be acted on as it is (e.g. a capture without a PaymentIntent id). */
public class InvalidReservationEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why. */
  public InvalidReservationEventException(String message) {
    super(message);
  }

  /** Why, with the cause. */
  public InvalidReservationEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
