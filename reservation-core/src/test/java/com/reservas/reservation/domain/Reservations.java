package com.reservas.reservation.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Test fixtures: a valid reservation as a client would make it. */
final class Reservations {

  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  static final LocalDateTime PICKUP = LocalDateTime.parse("2027-03-10T09:30:00");

  private Reservations() {}

  static ReservationDetails details() {
    return new ReservationDetails(
        new Customer("Ana", "García Núñez", "ana@example.com", "+34600111222"),
        new VehicleChoice("CDAR", "IBERCAR"),
        new RentalPeriod(
            new Handover("MAD-AIRPORT", PICKUP, MADRID),
            new Handover("BCN-AIRPORT", LocalDateTime.parse("2027-03-14T18:00:00"), MADRID)),
        "pm_card_visa");
  }

  static Reservation created() {
    return Reservation.create(
            new ReservationCode("K7P2QX9A"),
            "client-1",
            details(),
            new Money(new BigDecimal("412.00"), "EUR"),
            NOW)
        .reservation();
  }
}
