package com.reservas.provider.application.port.out;

import com.reservas.provider.domain.ExternalCall;
import java.util.List;

/**
 * The supplier could not be reached or failed (5xx, timeout, connection refused or reset, circuit
 * breaker open) after the retries allowed in one go. Transient: the same request, with the same
 * request id, is worth trying again later.
 */
public final class SupplierUnavailableException extends SupplierCallException {

  public SupplierUnavailableException(String message, List<ExternalCall> calls, Throwable cause) {
    super(message, calls, cause);
  }
}
