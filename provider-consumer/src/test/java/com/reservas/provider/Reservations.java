package com.reservas.provider;

import com.reservas.provider.domain.Driver;
import com.reservas.provider.domain.ReservationSnapshot;
import com.reservas.provider.domain.Stop;
import java.security.SecureRandom;
import java.time.LocalDateTime;

/** Reservation snapshots for tests, as the reservation events carry them. */
public final class Reservations {

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  public static final LocalDateTime PICKUP = LocalDateTime.parse("2027-03-10T09:30:00");
  public static final LocalDateTime DROPOFF = LocalDateTime.parse("2027-03-14T18:00:00");

  private Reservations() {}

  /** A fresh 8-character reservation code, so tests sharing a supplier do not meet. */
  public static String newCode() {
    StringBuilder code = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** Paid, its supplier booking requested: to be booked. */
  public static ReservationSnapshot paid(String code, String officeCode) {
    return snapshot(code, "PAID", "REQUESTED", officeCode, null);
  }

  /** Cancelled after the supplier confirmed {@code bookingReference}: to be cancelled. */
  public static ReservationSnapshot cancelledAfterConfirmation(
      String code, String officeCode, String bookingReference) {
    return snapshot(code, "CANCELLED", "CONFIRMED", officeCode, bookingReference);
  }

  public static ReservationSnapshot snapshot(
      String code,
      String status,
      String supplierStatus,
      String officeCode,
      String bookingReference) {
    return new ReservationSnapshot(
        code,
        status,
        supplierStatus,
        "IBERCAR",
        "CDAR",
        new Stop(officeCode, PICKUP),
        new Stop(officeCode, DROPOFF),
        new Driver("Ana", "García Núñez"),
        bookingReference,
        3);
  }
}
