package com.reservas.supplier.simulator.booking;

import java.time.Instant;
import java.util.Objects;

/**
 * A car the supplier has set aside for a reservation: the accepted request, the car taken and what
 * happened to the booking since.
 *
 * @param carId the car held for the whole period, e.g. {@code AGP-AIRPORT-CDAR-002}
 * @param cancelledAt when it was cancelled, or {@code null} while confirmed
 */
public record Booking(
    String bookingReference,
    BookingStatus status,
    BookingRequest request,
    String carId,
    Instant createdAt,
    Instant cancelledAt) {

  public Booking {
    Objects.requireNonNull(bookingReference, "bookingReference");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(carId, "carId");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  static Booking confirmed(
      String bookingReference, BookingRequest request, String carId, Instant at) {
    return new Booking(bookingReference, BookingStatus.CONFIRMED, request, carId, at, null);
  }

  Booking cancelledAt(Instant at) {
    return new Booking(bookingReference, BookingStatus.CANCELLED, request, carId, createdAt, at);
  }

  public boolean isCancelled() {
    return status == BookingStatus.CANCELLED;
  }

  public String reservationCode() {
    return request.reservationCode();
  }
}
