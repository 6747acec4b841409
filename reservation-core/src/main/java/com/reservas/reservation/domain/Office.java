package com.reservas.reservation.domain;

import static java.util.Objects.requireNonNull;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A rental office. Times customers give are local to it; {@code opensAt == closesAt} means open
 * around the clock (airports).
 */
public record Office(
    String code, String name, String city, ZoneId zone, LocalTime opensAt, LocalTime closesAt) {
  public Office {
    requireNonNull(code, "code");
    requireNonNull(name, "name");
    requireNonNull(city, "city");
    requireNonNull(zone, "zone");
    requireNonNull(opensAt, "opensAt");
    requireNonNull(closesAt, "closesAt");
  }

  public boolean isOpenAt(LocalTime time) {
    if (opensAt.equals(closesAt)) {
      return true;
    }
    return !time.isBefore(opensAt) && time.isBefore(closesAt);
  }
}
