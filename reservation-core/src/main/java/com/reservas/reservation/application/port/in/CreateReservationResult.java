package com.reservas.reservation.application.port.in;

import com.reservas.reservation.domain.Reservation;
import java.util.List;

/** Every way creating a reservation can end; the web adapter maps each to a status code. */
public sealed interface CreateReservationResult {

  /** Stored (or, with {@code replayed}, found under the same idempotency key and request). */
  record Created(Reservation reservation, boolean replayed) implements CreateReservationResult {}

  /** The input is invalid; every field error is listed. Nothing was written. */
  record Invalid(List<FieldError> errors) implements CreateReservationResult {
    public Invalid {
      errors = List.copyOf(errors);
    }
  }

  /** The input is well-formed but breaks a business rule. Nothing was written. */
  record RuleViolated(String rule, String message) implements CreateReservationResult {}

  /** The idempotency key was first used with a different request. */
  record IdempotencyKeyReused(String idempotencyKey) implements CreateReservationResult {}
}
