package com.reservas.reservation.domain;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What applying an outcome or a command did to a reservation. The domain returns this instead of
 * throwing, so callers persist exactly what changed: the new state (written with compare-and-set on
 * {@code expectedVersion}), at most one history row, and the events for the outbox.
 */
public sealed interface Transition {

  /** The reservation changed. */
  record Applied(
      Reservation reservation,
      long expectedVersion,
      Optional<StatusChange> historyEntry,
      List<ReservationEvent> events)
      implements Transition {
    public Applied {
      requireNonNull(reservation, "reservation");
      requireNonNull(historyEntry, "historyEntry");
      events = List.copyOf(events);
    }
  }

  /** Nothing to do: a duplicate, late or no-longer-relevant outcome. */
  record Unchanged(String why) implements Transition {
    public Unchanged {
      requireNonNull(why, "why");
    }
  }

  /**
   * An outcome that came before the step it answers was recorded (e.g. a supplier confirmation
   * before the payment): not dropped, but to be applied again once the reservation caught up.
   */
  record Premature(String why) implements Transition {
    public Premature {
      requireNonNull(why, "why");
    }
  }

  /** A command the reservation refuses in its current state (e.g. cancelling after pickup). */
  record Refused(String why) implements Transition {
    public Refused {
      requireNonNull(why, "why");
    }
  }
}
