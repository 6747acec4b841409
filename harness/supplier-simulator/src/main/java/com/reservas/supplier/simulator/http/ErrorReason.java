package com.reservas.supplier.simulator.http;

/** The {@code reason} of an error body: what went wrong, in a form a client can switch on. */
enum ErrorReason {
  /** Malformed JSON, a missing field, a value of the wrong type or a drop-off not after pickup. */
  INVALID_REQUEST,
  /** The request id was already used for a different request. */
  REQUEST_ID_REUSED,
  /** No booking has that reference. */
  BOOKING_NOT_FOUND,
  /** No such path or method. */
  NOT_FOUND,
  /** A failure injected on purpose through {@code /admin/faults}. */
  INJECTED_FAULT,
  /** A bug in the simulator. */
  INTERNAL_ERROR
}
