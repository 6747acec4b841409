package com.reservas.provider.domain;

import static java.util.Objects.requireNonNull;

import com.reservas.consumer.support.loop.HttpExchange;
import java.util.List;

/**
 * What the supplier answered, as the platform is told on {@code suppliers.events}. Each outcome
 * carries the (masked) calls that led to it.
 */
public sealed interface SupplierOutcome {

  String reservationCode();

  String supplierCode();

  /** The request id of the operation this outcome answers. */
  String requestId();

  List<HttpExchange> calls();

  /** The supplier holds a car for the reservation. */
  record BookingConfirmed(
      String reservationCode,
      String supplierCode,
      String requestId,
      String bookingReference,
      List<HttpExchange> calls)
      implements SupplierOutcome {
    public BookingConfirmed {
      requireNonNull(reservationCode, "reservationCode");
      requireNonNull(supplierCode, "supplierCode");
      requireNonNull(requestId, "requestId");
      requireNonNull(bookingReference, "bookingReference");
      calls = List.copyOf(calls);
    }
  }

  /** The supplier has no car for the reservation (a business answer, final for the request). */
  record BookingRejected(
      String reservationCode,
      String supplierCode,
      String requestId,
      String reason,
      List<HttpExchange> calls)
      implements SupplierOutcome {
    public BookingRejected {
      requireNonNull(reservationCode, "reservationCode");
      requireNonNull(supplierCode, "supplierCode");
      requireNonNull(requestId, "requestId");
      requireNonNull(reason, "reason");
      calls = List.copyOf(calls);
    }
  }

  /** The supplier cancelled its booking and freed the car. */
  record BookingCancelled(
      String reservationCode,
      String supplierCode,
      String requestId,
      String bookingReference,
      List<HttpExchange> calls)
      implements SupplierOutcome {
    public BookingCancelled {
      requireNonNull(reservationCode, "reservationCode");
      requireNonNull(supplierCode, "supplierCode");
      requireNonNull(requestId, "requestId");
      requireNonNull(bookingReference, "bookingReference");
      calls = List.copyOf(calls);
    }
  }

  /**
   * The supplier refused for good to cancel the booking (an unknown booking, an invalid request):
   * asking again cannot succeed, so a person must look at the car.
   */
  record CancellationRefused(
      String reservationCode,
      String supplierCode,
      String requestId,
      String bookingReference,
      String reason,
      List<HttpExchange> calls)
      implements SupplierOutcome {
    public CancellationRefused {
      requireNonNull(reservationCode, "reservationCode");
      requireNonNull(supplierCode, "supplierCode");
      requireNonNull(requestId, "requestId");
      requireNonNull(bookingReference, "bookingReference");
      requireNonNull(reason, "reason");
      calls = List.copyOf(calls);
    }
  }
}
