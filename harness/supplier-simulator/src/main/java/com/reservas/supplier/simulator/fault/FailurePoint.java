package com.reservas.supplier.simulator.fault;

/**
 * Whether an injected failure hides the request from the supplier or only its answer from the
 * caller. The second is the case idempotency keys exist for: the booking was made, the caller does
 * not know, and its retry must not book a second car.
 */
public enum FailurePoint {
  /** The request is not processed at all. */
  BEFORE_PROCESSING,
  /** The request is processed (a booking may be made or cancelled), then the answer is lost. */
  AFTER_PROCESSING
}
