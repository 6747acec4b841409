package com.reservas.provider.application.port.out;

import com.reservas.consumer.support.loop.HttpExchange;
import com.reservas.consumer.support.loop.UnprocessableEventException;
import java.util.List;

/**
 * The supplier refused the request as such (400 invalid, 404 unknown booking, 409 request id reused
 * with another body, or another unexpected answer). Permanent: sending it again cannot succeed, so
 * it is not retried; it is a dead letter for an operator to look at.
 */
public final class SupplierRequestRefusedException extends UnprocessableEventException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String reason;
  private final transient List<HttpExchange> calls;

  public SupplierRequestRefusedException(
      int status, String reason, String message, List<HttpExchange> calls) {
    super(message);
    this.status = status;
    this.reason = reason;
    this.calls = List.copyOf(calls);
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

  /** The (masked) calls made, in order. */
  public List<HttpExchange> calls() {
    return calls;
  }
}
