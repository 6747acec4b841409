package com.reservas.consumer.support.loop;

import java.util.Objects;

/**
 * A reservation event as a consumer sees it: where it comes from, and the consumer's own reading of
 * the reservation snapshot it carries.
 *
 * @param source the event's identity
 * @param reservation what the consumer reads of the snapshot
 * @param reminder a re-announcement of an unchanged status by the stuck-reservation policy: the
 *     question it asks was asked before, and its answer never reached the projector
 * @param <R> the consumer's reading of a snapshot
 */
public record ReservationEvent<R>(EventSource source, R reservation, boolean reminder) {

  /** Validates. */
  public ReservationEvent {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reservation, "reservation");
  }
}
