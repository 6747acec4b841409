package com.reservas.consumer.support.kafka;

/**
 * Thrown by a listener for an event that can never be processed as it is (a malformed snapshot, an
 * operation the dependency refused for good): the record skips the retry topics and goes straight
 * to the dead-letter topic, where an operator can look at it and replay it after a fix.
 *
 * <p>Business outcomes (a declined card, a rejected booking) are not errors: publish them.
 * Transient failures (timeouts, 5xx, open circuit breaker) should be any other exception, so the
 * record goes through the retry topics.
 */
public class NonRetryableEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An event that cannot be processed, and why. */
  public NonRetryableEventException(String message) {
    super(message);
  }

  /** An event that cannot be processed, and why. */
  public NonRetryableEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
