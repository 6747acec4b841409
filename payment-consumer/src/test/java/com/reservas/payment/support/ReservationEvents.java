package com.reservas.payment.support;

import com.reservas.schemas.avro.Customer;
import com.reservas.schemas.avro.EventMetadata;
import com.reservas.schemas.avro.Price;
import com.reservas.schemas.avro.ReservationCancelled;
import com.reservas.schemas.avro.ReservationCreated;
import com.reservas.schemas.avro.ReservationSnapshot;
import com.reservas.schemas.avro.ReservationStatusChanged;
import com.reservas.schemas.avro.Stop;
import com.reservas.schemas.avro.Vehicle;
import com.reservas.testsupport.seal.TestTokenSeal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Avro reservation events as the status projector and the API publish them. */
public final class ReservationEvents {

  public static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private ReservationEvents() {}

  public static ReservationCreated created(String code, String paymentMethodToken) {
    return created(code, paymentMethodToken, "412.00", "EUR");
  }

  public static ReservationCreated created(
      String code, String paymentMethodToken, String amount, String currency) {
    return ReservationCreated.newBuilder()
        .setMetadata(metadata("ReservationCreated"))
        .setReservation(
            snapshot(code, "CREATED", "PENDING", paymentMethodToken, null, amount, currency, 1))
        .build();
  }

  public static ReservationStatusChanged statusChanged(
      String code, String previous, String status, String paymentStatus, String paymentIntentId) {
    return ReservationStatusChanged.newBuilder()
        .setMetadata(metadata("ReservationStatusChanged"))
        .setPreviousStatus(previous)
        .setReason(null)
        .setReservation(
            snapshot(
                code, status, paymentStatus, "pm_card_visa", paymentIntentId, "412.00", "EUR", 5))
        .build();
  }

  public static ReservationCancelled cancelled(
      String code, String previous, String paymentStatus, String paymentIntentId) {
    return ReservationCancelled.newBuilder()
        .setMetadata(metadata("ReservationCancelled"))
        .setPreviousStatus(previous)
        .setReason("customer request")
        .setReservation(
            snapshot(
                code,
                "CANCELLED",
                paymentStatus,
                "pm_card_visa",
                paymentIntentId,
                "412.00",
                "EUR",
                6))
        .build();
  }

  private static EventMetadata metadata(String type) {
    return EventMetadata.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setEventType(type)
        .setOccurredAt(now())
        .setTraceparent(TRACEPARENT)
        .build();
  }

  private static ReservationSnapshot snapshot(
      String code,
      String status,
      String paymentStatus,
      String token,
      String paymentIntentId,
      String amount,
      String currency,
      long version) {
    return ReservationSnapshot.newBuilder()
        .setCode(code)
        .setClientId("web-shop")
        .setStatus(status)
        .setPaymentStatus(paymentStatus)
        .setSupplierStatus("PENDING")
        .setCustomer(Customer.newBuilder().setFirstName("Ana").setLastName("García Núñez").build())
        .setVehicle(Vehicle.newBuilder().setCategoryCode("CDAR").setSupplierCode("IBERCAR").build())
        .setPickup(
            Stop.newBuilder().setOfficeCode("MAD-AIRPORT").setAt("2027-03-10T09:30:00").build())
        .setDropoff(
            Stop.newBuilder().setOfficeCode("BCN-AIRPORT").setAt("2027-03-14T18:00:00").build())
        .setPrice(Price.newBuilder().setAmount(amount).setCurrency(currency).build())
        .setSealedPaymentMethodToken(token == null ? null : TestTokenSeal.SEAL.seal(code, token))
        .setPaymentIntentId(paymentIntentId)
        .setVersion(version)
        .setCreatedAt(now())
        .setUpdatedAt(now())
        .build();
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
