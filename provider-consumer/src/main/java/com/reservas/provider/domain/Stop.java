package com.reservas.provider.domain;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;

/** A pickup or a drop-off: the office and its local date-time. */
public record Stop(String officeCode, LocalDateTime at) {

  public Stop {
    requireNonNull(officeCode, "officeCode");
    requireNonNull(at, "at");
  }
}
