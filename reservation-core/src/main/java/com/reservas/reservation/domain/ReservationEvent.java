package com.reservas.reservation.domain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact about a reservation that other services react to. Every event carries the reservation as
 * it is after the fact, so consumers act on the snapshot and need no other look-up.
 */
public sealed interface ReservationEvent {

  UUID eventId();

  Instant occurredAt();

  Reservation reservation();

  /** A reservation was accepted. */
  record ReservationCreated(UUID eventId, Instant occurredAt, Reservation reservation)
      implements ReservationEvent {
    public ReservationCreated {
      requireNonNull(eventId, "eventId");
      requireNonNull(occurredAt, "occurredAt");
      requireNonNull(reservation, "reservation");
    }
  }

  /**
   * The status or a sub-status changed in a way another service must act on (book the car, capture,
   * release a late authorization or booking). {@code previousStatus} may equal the current status
   * when only a sub-status moved.
   */
  record ReservationStatusChanged(
      UUID eventId,
      Instant occurredAt,
      ReservationStatus previousStatus,
      String reason,
      Reservation reservation)
      implements ReservationEvent {
    public ReservationStatusChanged {
      requireNonNull(eventId, "eventId");
      requireNonNull(occurredAt, "occurredAt");
      requireNonNull(previousStatus, "previousStatus");
      requireNonNull(reservation, "reservation");
    }
  }

  /** The reservation was cancelled; whatever it holds (money, a car) must be released. */
  record ReservationCancelled(
      UUID eventId,
      Instant occurredAt,
      ReservationStatus previousStatus,
      String reason,
      Reservation reservation)
      implements ReservationEvent {
    public ReservationCancelled {
      requireNonNull(eventId, "eventId");
      requireNonNull(occurredAt, "occurredAt");
      requireNonNull(previousStatus, "previousStatus");
      requireNonNull(reason, "reason");
      requireNonNull(reservation, "reservation");
    }
  }
}
