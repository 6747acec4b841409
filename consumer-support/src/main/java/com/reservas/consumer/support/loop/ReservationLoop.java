package com.reservas.consumer.support.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs one consumer's {@link ReservationStep} for a reservation event: decide from the snapshot,
 * carry the task out, publish each outcome as the answer to the event. The same for every consumer,
 * so a consumer supplies only its step and its outcome port.
 *
 * @param <R> the consumer's reading of a reservation snapshot
 * @param <T> what the consumer can be asked to do
 * @param <O> what it publishes
 */
public final class ReservationLoop<R, T, O> {

  private final ReservationStep<R, T, O> step;
  private final OutcomePort<O> outcomes;

  /** Runs {@code step}, publishing to {@code outcomes}. */
  public ReservationLoop(ReservationStep<R, T, O> step, OutcomePort<O> outcomes) {
    this.step = Objects.requireNonNull(step, "step");
    this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
  }

  /**
   * Handles {@code event}; returns once its outcomes are published.
   *
   * @throws UnprocessableEventException if the snapshot or the request can never succeed as it is
   * @throws RuntimeException anything else the gateway or the port throws, which is transient
   */
  public Handled handle(ReservationEvent<R> event) {
    Decision<T> decision = step.decide(event.reservation(), event.reminder());
    if (decision instanceof Decision.Act<T> act) {
      List<String> published = new ArrayList<>();
      step.carryOut(
          event.reservation(),
          act.task(),
          outcome -> published.add(outcomes.publish(event.source(), outcome)));
      return new Handled(true, act.reason(), published);
    }
    if (decision instanceof Decision.Refuse<T> refuse) {
      throw new UnprocessableEventException(refuse.reason());
    }
    return new Handled(false, decision.reason(), List.of());
  }
}
