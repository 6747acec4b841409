package com.reservas.reservation.domain;

import static java.util.Objects.requireNonNull;

/** A rental company that owns cars and is booked through its HTTP API. */
public record Supplier(String code, String name) {
  public Supplier {
    requireNonNull(code, "code");
    requireNonNull(name, "name");
  }
}
