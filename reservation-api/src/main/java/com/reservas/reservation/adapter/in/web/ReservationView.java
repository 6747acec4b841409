package com.reservas.reservation.adapter.in.web;

import com.reservas.reservation.domain.Handover;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.StatusChange;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The reservation as clients see it (SPEC §4). The payment token never leaves the service; times
 * are UTC with microseconds, office-local times as the customer gave them.
 */
record ReservationView(
    String code,
    String status,
    String paymentStatus,
    String supplierStatus,
    Customer customer,
    Vehicle vehicle,
    Stop pickup,
    Stop dropoff,
    Price price,
    String createdAt,
    String updatedAt,
    String cancellationReason,
    List<HistoryEntry> history) {

  private static final DateTimeFormatter UTC_MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LOCAL_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  record Customer(String firstName, String lastName, String email, String phone) {}

  record Vehicle(String categoryCode, String supplierCode) {}

  record Stop(String officeCode, String at) {}

  record Price(String amount, String currency) {}

  record HistoryEntry(String status, String at, String reason) {}

  static ReservationView of(Reservation r) {
    var c = r.details().customer();
    var v = r.details().vehicle();
    return new ReservationView(
        r.code().value(),
        r.status().name(),
        r.paymentStatus().name(),
        r.supplierStatus().name(),
        new Customer(c.firstName(), c.lastName(), c.email(), c.phone()),
        new Vehicle(v.categoryCode(), v.supplierCode()),
        stop(r.details().period().pickup()),
        stop(r.details().period().dropoff()),
        new Price(r.price().amountText(), r.price().currency()),
        utc(r.createdAt()),
        utc(r.updatedAt()),
        r.cancellationReason(),
        r.history().stream().map(ReservationView::entry).toList());
  }

  private static HistoryEntry entry(StatusChange change) {
    return new HistoryEntry(change.status().name(), utc(change.at()), change.reason());
  }

  private static Stop stop(Handover handover) {
    return new Stop(handover.officeCode(), LOCAL_SECONDS.format(handover.at()));
  }

  static String utc(Instant instant) {
    return UTC_MICROS.format(instant);
  }
}
