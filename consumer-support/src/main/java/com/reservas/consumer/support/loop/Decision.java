package com.reservas.consumer.support.loop;

import java.util.Objects;

/**
 * What a reservation snapshot calls for, decided from the snapshot alone (so a repeated event
 * repeats the same, idempotent request): a task for the gateway, nothing, or a refusal of a
 * snapshot that cannot be acted on as it is.
 *
 * @param <T> the consumer's tasks
 */
public sealed interface Decision<T> {

  /** Why, for logs. */
  String reason();

  /** Call the gateway to carry out {@code task}. */
  record Act<T>(T task, String reason) implements Decision<T> {
    /** Validates. */
    public Act {
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Nothing to do: the event is acknowledged. */
  record Skip<T>(String reason) implements Decision<T> {
    /** Validates. */
    public Skip {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The snapshot cannot be acted on as it is: a dead letter for an operator. The reason is the dead
   * letter's message, so it names the reservation.
   */
  record Refuse<T>(String reason) implements Decision<T> {
    /** Validates. */
    public Refuse {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Act on {@code task}. */
  static <T> Decision<T> act(T task, String reason) {
    return new Act<>(task, reason);
  }

  /** Nothing to do. */
  static <T> Decision<T> skip(String reason) {
    return new Skip<>(reason);
  }

  /** Cannot be acted on. */
  static <T> Decision<T> refuse(String reason) {
    return new Refuse<>(reason);
  }
}
