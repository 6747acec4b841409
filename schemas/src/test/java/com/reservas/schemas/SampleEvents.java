package com.reservas.schemas;

import com.reservas.schemas.avro.Customer;
import com.reservas.schemas.avro.EventMetadata;
import com.reservas.schemas.avro.ExternalCall;
import com.reservas.schemas.avro.PaymentAuthorizationStarted;
import com.reservas.schemas.avro.PaymentAuthorized;
import com.reservas.schemas.avro.PaymentCaptured;
import com.reservas.schemas.avro.PaymentDeclined;
import com.reservas.schemas.avro.PaymentFailed;
import com.reservas.schemas.avro.PaymentOperationRefused;
import com.reservas.schemas.avro.PaymentRefunded;
import com.reservas.schemas.avro.PaymentVoided;
import com.reservas.schemas.avro.Price;
import com.reservas.schemas.avro.ReservationCancelled;
import com.reservas.schemas.avro.ReservationCreated;
import com.reservas.schemas.avro.ReservationSnapshot;
import com.reservas.schemas.avro.ReservationStatusChanged;
import com.reservas.schemas.avro.Stop;
import com.reservas.schemas.avro.SupplierBookingCancelled;
import com.reservas.schemas.avro.SupplierBookingConfirmed;
import com.reservas.schemas.avro.SupplierBookingRejected;
import com.reservas.schemas.avro.SupplierCancellationRefused;
import com.reservas.schemas.avro.Vehicle;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** One realistic instance of every event type, for round-trip tests. */
public final class SampleEvents {

  public static final String RESERVATION_CODE = "K7P2QX9A";
  private static final Instant CREATED_AT = Instant.parse("2026-11-28T22:10:04.123456Z");
  private static final String PAYMENT_INTENT = "pi_3QabcDEF123";

  private SampleEvents() {}

  /** One sample per event type of the {@link EventCatalog}. */
  public static List<SpecificRecord> all() {
    return List.of(
        reservationCreated(),
        new ReservationStatusChanged(
            metadata("ReservationStatusChanged"),
            "CREATED",
            null,
            snapshot("PAYMENT_IN_PROGRESS", "IN_PROGRESS", "PENDING")),
        new ReservationCancelled(
            metadata("ReservationCancelled"),
            "PAID",
            "supplier rejected: no car available",
            snapshot("CANCELLED", "VOIDED", "REJECTED")),
        new PaymentAuthorizationStarted(
            metadata("PaymentAuthorizationStarted"),
            RESERVATION_CODE,
            "authorize-" + RESERVATION_CODE,
            List.of()),
        new PaymentAuthorized(
            metadata("PaymentAuthorized"),
            RESERVATION_CODE,
            PAYMENT_INTENT,
            "412.00",
            "EUR",
            List.of(stripeCall(200))),
        new PaymentDeclined(
            metadata("PaymentDeclined"),
            RESERVATION_CODE,
            "insufficient_funds",
            "Your card has insufficient funds.",
            List.of(stripeCall(402))),
        new PaymentFailed(
            metadata("PaymentFailed"),
            RESERVATION_CODE,
            "Stripe unavailable after 5 attempts: HTTP 500",
            List.of(stripeCall(500), stripeCall(500))),
        new PaymentCaptured(
            metadata("PaymentCaptured"),
            RESERVATION_CODE,
            PAYMENT_INTENT,
            List.of(stripeCall(200))),
        new PaymentVoided(
            metadata("PaymentVoided"), RESERVATION_CODE, PAYMENT_INTENT, List.of(stripeCall(200))),
        new PaymentRefunded(
            metadata("PaymentRefunded"),
            RESERVATION_CODE,
            PAYMENT_INTENT,
            "re_3QxyzRefund",
            List.of(stripeCall(200))),
        new PaymentOperationRefused(
            metadata("PaymentOperationRefused"),
            RESERVATION_CODE,
            "capture",
            PAYMENT_INTENT,
            "payment_intent_unexpected_state: the authorization expired",
            List.of(stripeCall(400))),
        new SupplierBookingConfirmed(
            metadata("SupplierBookingConfirmed"),
            RESERVATION_CODE,
            "IBERCAR",
            "IBC-778812",
            List.of(supplierCall(201))),
        new SupplierBookingRejected(
            metadata("SupplierBookingRejected"),
            RESERVATION_CODE,
            "IBERCAR",
            "no car available",
            List.of(supplierCall(409))),
        new SupplierBookingCancelled(
            metadata("SupplierBookingCancelled"),
            RESERVATION_CODE,
            "IBERCAR",
            "IBC-778812",
            List.of(supplierCall(200))),
        new SupplierCancellationRefused(
            metadata("SupplierCancellationRefused"),
            RESERVATION_CODE,
            "IBERCAR",
            "IBC-778812",
            "404 BOOKING_NOT_FOUND: no such booking",
            List.of(supplierCall(404))));
  }

  public static ReservationCreated reservationCreated() {
    return new ReservationCreated(
        metadata("ReservationCreated"), snapshot("CREATED", "PENDING", "PENDING"));
  }

  public static EventMetadata metadata(String eventType) {
    return EventMetadata.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setEventType(eventType)
        .setOccurredAt(CREATED_AT.plusSeconds(1))
        .setTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        .build();
  }

  public static ReservationSnapshot snapshot(
      String status, String paymentStatus, String supplierStatus) {
    return ReservationSnapshot.newBuilder()
        .setCode(RESERVATION_CODE)
        .setClientId("local-demo-client")
        .setStatus(status)
        .setPaymentStatus(paymentStatus)
        .setSupplierStatus(supplierStatus)
        .setCustomer(new Customer("Ana", "García Núñez", null, null))
        .setVehicle(new Vehicle("CDAR", "IBERCAR"))
        .setPickup(new Stop("MAD-AIRPORT", "2027-03-10T09:30:00"))
        .setDropoff(new Stop("BCN-AIRPORT", "2027-03-14T18:00:00"))
        .setPrice(new Price("412.00", "EUR"))
        .setSealedPaymentMethodToken("v1.test.c2VhbGVkIHBtX2NhcmRfdmlzYQ")
        .setPaymentIntentId("CREATED".equals(status) ? null : PAYMENT_INTENT)
        .setVersion(1L)
        .setCreatedAt(CREATED_AT)
        .setUpdatedAt(CREATED_AT)
        .build();
  }

  private static ExternalCall stripeCall(int status) {
    return call("stripe.paymentIntents", "https://api.stripe.com/v1/payment_intents", status);
  }

  private static ExternalCall supplierCall(int status) {
    return call("supplier.bookings", "http://ibercar.example/api/v1/bookings", status);
  }

  private static ExternalCall call(String operation, String url, int status) {
    return ExternalCall.newBuilder()
        .setOperation(operation)
        .setRequestId("authorize-" + RESERVATION_CODE)
        .setMethod("POST")
        .setUrl(url)
        .setRequestBody("{\"amount\":41200,\"currency\":\"eur\",\"payment_method\":\"pm_****\"}")
        .setResponseStatus(status)
        .setResponseBody(null)
        .setStartedAt(CREATED_AT.plusMillis(250))
        .setDurationMillis(187L)
        .build();
  }
}
