package com.reservas.provider.application.port.out;

import com.reservas.provider.domain.ExternalCall;
import java.util.List;

/**
 * The supplier refused the request as such (400 invalid, 404 unknown booking, 409 request id reused
 * with another body, or another unexpected answer). Permanent: sending it again cannot succeed, so
 * it is not retried; it is a dead letter for an operator to look at.
 */
public final class SupplierRequestRefusedException extends SupplierCallException {

  private final int status;
  private final String reason;

  public SupplierRequestRefusedException(
      int status, String reason, String message, List<ExternalCall> calls) {
    super(message, calls, null);
    this.status = status;
    this.reason = reason;
  }

  /** The HTTP status the supplier answered. */
  public int status() {
    return status;
  }

  /**
   * The supplier's error reason ({@code INVALID_REQUEST}, {@code REQUEST_ID_REUSED}...), if any.
   */
  public String reason() {
    return reason;
  }
}
