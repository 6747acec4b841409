package com.reservas.provider.application.port.out;

import com.reservas.consumer.support.loop.HttpExchange;
import java.util.List;

/**
 * The supplier could not be reached or failed (5xx, timeout, connection refused or reset, circuit
 * breaker open) after the retries allowed in one go. Transient: the same request, with the same
 * request id, is worth trying again later.
 */
public final class SupplierUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<HttpExchange> calls;

  public SupplierUnavailableException(String message, List<HttpExchange> calls, Throwable cause) {
    super(message, cause);
    this.calls = List.copyOf(calls);
  }

  /** The (masked) calls made, in order; empty when none was (e.g. the circuit breaker is open). */
  public List<HttpExchange> calls() {
    return calls;
  }
}
