package com.reservas.stripe.standin;

import com.reservas.standin.kit.fault.InjectedFailure;

/**
 * The ways an injected failure reaches the client, chosen to match what a real Stripe outage looks
 * like to stripe-java: a retryable 500, a non-retried 429, a response that never comes, and a
 * connection dropped mid-request.
 */
public enum FailureMode implements InjectedFailure {
  /** Answers {@code 500} with Stripe's {@code api_error} body; stripe-java retries it. */
  HTTP_500,
  /** Answers {@code 429} with Stripe's {@code rate_limit} body; stripe-java does not retry it. */
  HTTP_429,
  /**
   * Holds the request without answering (bounded, released on stop) so the client's read timeout
   * fires; the request is not executed.
   */
  TIMEOUT,
  /** Resets the TCP connection without answering; the request is not executed. */
  CONNECTION_RESET;

  @Override
  public Kind kind() {
    return switch (this) {
      case HTTP_500, HTTP_429 -> Kind.ERROR_ANSWER;
      case TIMEOUT -> Kind.NO_ANSWER;
      case CONNECTION_RESET -> Kind.CONNECTION_RESET;
    };
  }
}
