package com.reservas.provider;

import com.reservas.schemas.avro.Customer;
import com.reservas.schemas.avro.EventMetadata;
import com.reservas.schemas.avro.Price;
import com.reservas.schemas.avro.ReservationCancelled;
import com.reservas.schemas.avro.ReservationSnapshot;
import com.reservas.schemas.avro.ReservationStatusChanged;
import com.reservas.schemas.avro.Stop;
import com.reservas.schemas.avro.Vehicle;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** The Avro reservation events the relay publishes, for feeding the consumer in tests. */
public final class ReservationEvents {

  private ReservationEvents() {}

  /** {@code ReservationStatusChanged} to PAID with the supplier booking requested (a CDAR). */
  public static ReservationStatusChanged paid(String code, String officeCode) {
    return paid(code, officeCode, "CDAR");
  }

  /** {@code ReservationStatusChanged} to PAID with the supplier booking of a {@code category}. */
  public static ReservationStatusChanged paid(String code, String officeCode, String category) {
    ReservationSnapshot snapshot =
        snapshot(code, "PAID", "AUTHORIZED", "REQUESTED", officeCode, null);
    snapshot.getVehicle().setCategoryCode(category);
    return statusChanged("PAYMENT_IN_PROGRESS", snapshot);
  }

  /** {@code ReservationCancelled} by the customer after the supplier confirmed. */
  public static ReservationCancelled cancelledAfterConfirmation(
      String code, String officeCode, String bookingReference) {
    return cancelledAfterConfirmation(code, officeCode, "CDAR", bookingReference);
  }

  /**
   * {@code ReservationCancelled} by the customer after the supplier confirmed a {@code category}.
   */
  public static ReservationCancelled cancelledAfterConfirmation(
      String code, String officeCode, String category, String bookingReference) {
    ReservationSnapshot snapshot =
        snapshot(code, "CANCELLED", "CAPTURED", "CONFIRMED", officeCode, bookingReference);
    snapshot.getVehicle().setCategoryCode(category);
    snapshot.setCancellationReason("customer request");
    return ReservationCancelled.newBuilder()
        .setMetadata(metadata("ReservationCancelled"))
        .setPreviousStatus("SUPPLIER_CONFIRMED")
        .setReason("customer request")
        .setReservation(snapshot)
        .build();
  }

  public static ReservationStatusChanged statusChanged(
      String previousStatus, ReservationSnapshot snapshot) {
    return ReservationStatusChanged.newBuilder()
        .setMetadata(metadata("ReservationStatusChanged"))
        .setPreviousStatus(previousStatus)
        .setReason(null)
        .setReservation(snapshot)
        .build();
  }

  public static ReservationSnapshot snapshot(
      String code,
      String status,
      String paymentStatus,
      String supplierStatus,
      String officeCode,
      String bookingReference) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return ReservationSnapshot.newBuilder()
        .setCode(code)
        .setClientId("local-demo")
        .setStatus(status)
        .setPaymentStatus(paymentStatus)
        .setSupplierStatus(supplierStatus)
        .setCustomer(Customer.newBuilder().setFirstName("Ana").setLastName("García Núñez").build())
        .setVehicle(Vehicle.newBuilder().setCategoryCode("CDAR").setSupplierCode("IBERCAR").build())
        .setPickup(
            stop(officeCode, Reservations.PICKUP.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)))
        .setDropoff(
            stop(officeCode, Reservations.DROPOFF.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)))
        .setPrice(Price.newBuilder().setAmount("412.00").setCurrency("EUR").build())
        .setPaymentIntentId("pi_3Q" + code)
        .setSupplierBookingReference(bookingReference)
        .setCancellationReason(null)
        .setVersion(3)
        .setCreatedAt(now)
        .setUpdatedAt(now)
        .build();
  }

  private static Stop stop(String officeCode, String at) {
    return Stop.newBuilder().setOfficeCode(officeCode).setAt(at).build();
  }

  static EventMetadata metadata(String eventType) {
    return EventMetadata.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setEventType(eventType)
        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MICROS))
        .setTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        .build();
  }

  /** The event id of an event built here. */
  public static String eventId(SpecificRecord event) {
    return ((EventMetadata) event.get(event.getSchema().getField("metadata").pos())).getEventId();
  }
}
