package com.reservas.consumer.support.loop;

/**
 * One consumer's step of the reservation saga, the only part a consumer writes: what a snapshot
 * calls for, and how to carry it out against its gateway port. {@link ReservationLoop} runs it.
 *
 * @param <R> the consumer's reading of a reservation snapshot
 * @param <T> what the consumer can be asked to do
 * @param <O> what it publishes
 */
public interface ReservationStep<R, T, O> {

  /**
   * What {@code reservation} calls for.
   *
   * @param reminder the snapshot comes from the stuck-reservation policy's re-announcement
   */
  Decision<T> decide(R reservation, boolean reminder);

  /**
   * Carries {@code task} out and publishes what the gateway answered, in order (an outcome
   * published before the call, e.g. "about to authorize", goes first). Business answers (a decline,
   * a rejection) are outcomes; a gateway that cannot be reached throws, and the event is retried; a
   * request refused for good throws {@link UnprocessableEventException}.
   */
  void carryOut(R reservation, T task, Outcomes<O> outcomes);

  /** Where a step publishes its outcomes. */
  @FunctionalInterface
  interface Outcomes<O> {

    /** Publishes {@code outcome}; returns once it is stored. */
    void publish(O outcome);
  }
}
