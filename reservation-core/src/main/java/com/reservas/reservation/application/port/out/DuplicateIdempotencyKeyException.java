package com.reservas.reservation.application.port.out;

/** A concurrent request with the same idempotency key committed first. */
public class DuplicateIdempotencyKeyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DuplicateIdempotencyKeyException(Throwable cause) {
    super("Idempotency key already used", cause);
  }
}
