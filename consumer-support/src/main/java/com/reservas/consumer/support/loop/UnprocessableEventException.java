package com.reservas.consumer.support.loop;

/**
 * The event can never succeed as it is (a malformed snapshot, a request the gateway refused for
 * good): retrying cannot help, so the Kafka side sends it straight to the dead-letter topic. Any
 * other exception is taken as transient and retried.
 */
public class UnprocessableEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why. */
  public UnprocessableEventException(String message) {
    super(message);
  }

  /** Why, with the cause. */
  public UnprocessableEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
