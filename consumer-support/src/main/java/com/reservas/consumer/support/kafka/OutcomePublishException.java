package com.reservas.consumer.support.kafka;

/**
 * An outcome could not be published (the broker did not acknowledge it in time). The incoming
 * record is then not acknowledged either: the exception reaches the listener container, which sends
 * the record to the retry topics.
 */
public class OutcomePublishException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure to publish, with its cause. */
  public OutcomePublishException(String message, Throwable cause) {
    super(message, cause);
  }
}
