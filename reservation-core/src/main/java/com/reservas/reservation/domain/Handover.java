package com.reservas.reservation.domain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A place and a wall-clock time where the car changes hands. Customers give office-local times, so
 * the office's zone is kept to know the instant (and thus rental days and whether pickup passed).
 */
public record Handover(String officeCode, LocalDateTime at, ZoneId zone) {
  public Handover {
    requireNonNull(officeCode, "officeCode");
    requireNonNull(at, "at");
    requireNonNull(zone, "zone");
  }

  public Instant instant() {
    return at.atZone(zone).toInstant();
  }
}
