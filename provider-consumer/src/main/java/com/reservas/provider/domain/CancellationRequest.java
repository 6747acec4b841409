package com.reservas.provider.domain;

import static java.util.Objects.requireNonNull;

/** Asks the supplier to cancel the booking it confirmed for a reservation, freeing the car. */
public record CancellationRequest(
    String requestId, String reservationCode, String supplierCode, String bookingReference) {

  public CancellationRequest {
    requireNonNull(requestId, "requestId");
    requireNonNull(reservationCode, "reservationCode");
    requireNonNull(supplierCode, "supplierCode");
    requireNonNull(bookingReference, "bookingReference");
  }

  /** The cancellation of {@code bookingReference} for {@code reservation}. */
  public static CancellationRequest of(ReservationSnapshot reservation, String bookingReference) {
    return new CancellationRequest(
        SupplierOperation.CANCEL.requestIdFor(reservation.code()),
        reservation.code(),
        reservation.supplierCode(),
        bookingReference);
  }
}
