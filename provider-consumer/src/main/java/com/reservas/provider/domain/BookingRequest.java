package com.reservas.provider.domain;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;

/** Asks the supplier to hold one car of a category at the pickup office for the whole rental. */
public record BookingRequest(
    String requestId,
    String reservationCode,
    String supplierCode,
    String officeCode,
    String dropoffOfficeCode,
    String categoryCode,
    LocalDateTime pickupAt,
    LocalDateTime dropoffAt,
    Driver driver) {

  public BookingRequest {
    requireNonNull(requestId, "requestId");
    requireNonNull(reservationCode, "reservationCode");
    requireNonNull(supplierCode, "supplierCode");
    requireNonNull(officeCode, "officeCode");
    requireNonNull(dropoffOfficeCode, "dropoffOfficeCode");
    requireNonNull(categoryCode, "categoryCode");
    requireNonNull(pickupAt, "pickupAt");
    requireNonNull(dropoffAt, "dropoffAt");
    requireNonNull(driver, "driver");
  }

  /** The booking for {@code reservation}, with its stable request id. */
  public static BookingRequest of(ReservationSnapshot reservation) {
    return new BookingRequest(
        SupplierOperation.BOOK.requestIdFor(reservation.code()),
        reservation.code(),
        reservation.supplierCode(),
        reservation.pickup().officeCode(),
        reservation.dropoff().officeCode(),
        reservation.categoryCode(),
        reservation.pickup().at(),
        reservation.dropoff().at(),
        reservation.driver());
  }
}
