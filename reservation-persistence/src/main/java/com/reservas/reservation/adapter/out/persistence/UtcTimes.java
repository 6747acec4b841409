package com.reservas.reservation.adapter.out.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Instants are stored as UTC {@code DATETIME(6)}: no 2038 limit, no session time zone involved. */
final class UtcTimes {
  private UtcTimes() {}

  static LocalDateTime toColumn(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant fromColumn(LocalDateTime value) {
    return value.toInstant(ZoneOffset.UTC);
  }
}
