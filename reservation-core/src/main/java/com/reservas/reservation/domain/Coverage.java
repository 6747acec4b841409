package com.reservas.reservation.domain;

import static java.util.Objects.requireNonNull;

/** One fact of the supplier network: this supplier rents this category at this office. */
public record Coverage(String supplierCode, String officeCode, String categoryCode) {
  public Coverage {
    requireNonNull(supplierCode, "supplierCode");
    requireNonNull(officeCode, "officeCode");
    requireNonNull(categoryCode, "categoryCode");
  }
}
