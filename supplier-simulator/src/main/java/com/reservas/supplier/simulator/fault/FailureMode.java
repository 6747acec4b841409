package com.reservas.supplier.simulator.fault;

/** How an injected failure looks to the caller: the outages a supplier integration must survive. */
public enum FailureMode {
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
  CONNECTION_RESET
}
