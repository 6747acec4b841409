package com.reservas.reservation.domain;

import static java.util.Objects.requireNonNull;

/** The ACRISS category the customer booked and the supplier that provides it. */
public record VehicleChoice(String categoryCode, String supplierCode) {
  public VehicleChoice {
    requireNonNull(categoryCode, "categoryCode");
    requireNonNull(supplierCode, "supplierCode");
  }
}
