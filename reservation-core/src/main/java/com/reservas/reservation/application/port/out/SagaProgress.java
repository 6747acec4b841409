package com.reservas.reservation.application.port.out;

import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.Transition;

/**
 * Hears of every reservation created and every change, once its transaction has committed: what the
 * metrics of the saga (reservations created, steps reached and their latencies, final statuses) are
 * computed from. A change that rolled back, or lost a compare-and-set race and was applied again,
 * is reported once, as it committed. Neither method may block or throw: both run on the committing
 * thread.
 */
public interface SagaProgress {

  /** {@code reservation} was created and committed. */
  void created(Reservation reservation);

  /** {@code applied} is committed. */
  void committed(Transition.Applied applied);

  /** Hears nothing: for tools and tests, and services that measure no saga. */
  static SagaProgress none() {
    return new SagaProgress() {
      @Override
      public void created(Reservation reservation) {}

      @Override
      public void committed(Transition.Applied applied) {}
    };
  }
}
