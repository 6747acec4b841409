package com.reservas.supplier.simulator.fault;

import com.reservas.standin.kit.fault.InjectedFailure;

/** How an injected failure looks to the caller: the outages a supplier integration must survive. */
public enum FailureMode implements InjectedFailure {
  /** {@code 500} with an error body. */
  HTTP_500(Kind.ERROR_ANSWER),
  /** {@code 503} with {@code Retry-After: 1} and an error body. */
  HTTP_503(Kind.ERROR_ANSWER),
  /**
   * No answer: the request is held far longer than any client timeout (bounded, released when the
   * simulator stops), then the connection is closed.
   */
  TIMEOUT(Kind.NO_ANSWER),
  /** The connection is reset (TCP RST) without a response. */
  CONNECTION_RESET(Kind.CONNECTION_RESET);

  private final Kind kind;

  FailureMode(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
