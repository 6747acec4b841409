package com.reservas.supplier.simulator.fault;

import com.reservas.standin.kit.fault.InjectedFailure;

/** How an injected failure looks to the caller: the outages a supplier integration must survive. */
public enum FailureMode implements InjectedFailure {
  /** {@code 500} with an error body. */
  HTTP_500,
  /** {@code 503} with {@code Retry-After: 1} and an error body. */
  HTTP_503,
  /**
   * No answer: the request is held far longer than any client timeout (bounded, released when the
   * simulator stops), then the connection is closed.
   */
  TIMEOUT,
  /** The connection is reset (TCP RST) without a response. */
  CONNECTION_RESET;

  @Override
  public Kind kind() {
    return switch (this) {
      case HTTP_500, HTTP_503 -> Kind.ERROR_ANSWER;
      case TIMEOUT -> Kind.NO_ANSWER;
      case CONNECTION_RESET -> Kind.CONNECTION_RESET;
    };
  }
}
