package com.reservas.supplier.simulator.booking;

import com.reservas.supplier.simulator.fleet.RentalPeriod;
import java.time.LocalDateTime;

/**
 * A well-formed request to book a car. Whether the supplier knows the office and category, and
 * whether a car is free, is decided by the {@link BookingDesk}; this record only refuses requests
 * that are malformed (missing fields, a drop-off not after the pickup), with an {@link
 * IllegalArgumentException} naming the field.
 *
 * @param requestId the caller's idempotency key: the same id always gets the same answer
 * @param reservationCode the caller's reservation this booking belongs to
 */
public record BookingRequest(
    String requestId,
    String reservationCode,
    String officeCode,
    String dropoffOfficeCode,
    String categoryCode,
    LocalDateTime pickupAt,
    LocalDateTime dropoffAt,
    Driver driver) {

  public static final int MAX_ID_LENGTH = 128;

  public BookingRequest {
    requireText("requestId", requestId, MAX_ID_LENGTH);
    requireText("reservationCode", reservationCode, MAX_ID_LENGTH);
    requireText("officeCode", officeCode, MAX_ID_LENGTH);
    requireText("dropoffOfficeCode", dropoffOfficeCode, MAX_ID_LENGTH);
    requireText("categoryCode", categoryCode, MAX_ID_LENGTH);
    requirePresent("pickupAt", pickupAt);
    requirePresent("dropoffAt", dropoffAt);
    requirePresent("driver", driver);
    if (!pickupAt.isBefore(dropoffAt)) {
      throw new IllegalArgumentException("dropoffAt: must be after pickupAt");
    }
  }

  public RentalPeriod period() {
    return new RentalPeriod(pickupAt, dropoffAt);
  }

  static void requireText(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + ": is required");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(field + ": must be at most " + maxLength + " characters");
    }
  }

  private static void requirePresent(String field, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(field + ": is required");
    }
  }
}
