package com.reservas.provider.domain;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What this consumer reads from the reservation snapshot that every reservation event carries. The
 * statuses stay strings: the producers may add values, and an unknown value is simply nothing to do
 * here.
 *
 * @param supplierBookingReference the supplier's reference once it confirmed, else {@code null}
 */
public record ReservationSnapshot(
    String code,
    String status,
    String supplierStatus,
    String supplierCode,
    String categoryCode,
    Stop pickup,
    Stop dropoff,
    Driver driver,
    String supplierBookingReference,
    long version) {

  public ReservationSnapshot {
    requireNonNull(code, "code");
    requireNonNull(status, "status");
    requireNonNull(supplierStatus, "supplierStatus");
    requireNonNull(supplierCode, "supplierCode");
    requireNonNull(categoryCode, "categoryCode");
    requireNonNull(pickup, "pickup");
    requireNonNull(dropoff, "dropoff");
    requireNonNull(driver, "driver");
  }

  public Optional<String> bookingReference() {
    return Optional.ofNullable(supplierBookingReference).filter(reference -> !reference.isBlank());
  }
}
