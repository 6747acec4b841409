package com.reservas.provider.application.port.out;

import com.reservas.provider.domain.ExternalCall;
import java.util.List;

/** A supplier operation that ended without an answer we can act on; carries the calls made. */
public abstract sealed class SupplierCallException extends RuntimeException
    permits SupplierUnavailableException, SupplierRequestRefusedException {

  private final transient List<ExternalCall> calls;

  protected SupplierCallException(String message, List<ExternalCall> calls, Throwable cause) {
    super(message, cause);
    this.calls = List.copyOf(calls);
  }

  /** The (masked) calls made, in order; empty when none was (e.g. the circuit breaker is open). */
  public List<ExternalCall> calls() {
    return calls;
  }
}
