package com.reservas.reservation.domain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One row of a reservation's history: the status it reached, when, and why (for cancellations). */
public record StatusChange(ReservationStatus status, Instant at, String reason) {
  public StatusChange {
    requireNonNull(status, "status");
    requireNonNull(at, "at");
  }
}
