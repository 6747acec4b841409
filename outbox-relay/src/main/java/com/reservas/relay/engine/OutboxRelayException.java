package com.reservas.relay.engine;

/**
 * The relay could not hand a batch over: Kafka did not acknowledge it, or a row is invalid under
 * the {@code fail} policy. Thrown out of the engine's batch handler so that the batch's offsets are
 * not committed and the engine stops; the supervisor restarts it with backoff.
 */
public class OutboxRelayException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public OutboxRelayException(String message) {
    super(message);
  }

  public OutboxRelayException(String message, Throwable cause) {
    super(message, cause);
  }
}
