package com.reservas.provider.adapter.out.supplier;

import java.util.concurrent.TimeoutException;

/**
 * One attempt failed in a way worth retrying: a 5xx, 408 or 429 answer, a timeout, a refused or
 * reset connection. Counted by the circuit breaker and retried by the retry; never leaves the
 * adapter.
 */
final class TransientSupplierFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  TransientSupplierFailure(String message, Throwable cause) {
    super(message, cause);
  }

  /** Worth another attempt: a 5xx/408/429 answer, no answer, or no answer in time. */
  static boolean isTransient(Throwable failure) {
    return failure instanceof TransientSupplierFailure || failure instanceof TimeoutException;
  }

  static boolean isTransientStatus(int status) {
    return status >= 500 || status == 408 || status == 429;
  }
}
