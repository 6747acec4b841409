package com.reservas.consumer.support.testapp;

import com.reservas.schemas.avro.Customer;
import com.reservas.schemas.avro.EventMetadata;
import com.reservas.schemas.avro.Price;
import com.reservas.schemas.avro.ReservationCreated;
import com.reservas.schemas.avro.ReservationSnapshot;
import com.reservas.schemas.avro.Stop;
import com.reservas.schemas.avro.Vehicle;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** ReservationCreated events for the tests; {@code clientId} tells the test listener what to do. */
public final class Reservations {

  private Reservations() {}

  public static ReservationCreated created(String code, String clientId) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return ReservationCreated.newBuilder()
        .setMetadata(
            EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setEventType("ReservationCreated")
                .setOccurredAt(now)
                .setTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .build())
        .setReservation(
            ReservationSnapshot.newBuilder()
                .setCode(code)
                .setClientId(clientId)
                .setStatus("CREATED")
                .setPaymentStatus("PENDING")
                .setSupplierStatus("PENDING")
                .setCustomer(
                    Customer.newBuilder().setFirstName("Ana").setLastName("García Núñez").build())
                .setVehicle(
                    Vehicle.newBuilder().setCategoryCode("CDAR").setSupplierCode("IBERCAR").build())
                .setPickup(
                    Stop.newBuilder()
                        .setOfficeCode("MAD-AIRPORT")
                        .setAt("2027-03-10T09:30:00")
                        .build())
                .setDropoff(
                    Stop.newBuilder()
                        .setOfficeCode("BCN-AIRPORT")
                        .setAt("2027-03-14T18:00:00")
                        .build())
                .setPrice(Price.newBuilder().setAmount("412.00").setCurrency("EUR").build())
                .setVersion(1)
                .setCreatedAt(now)
                .setUpdatedAt(now)
                .build())
        .build();
  }
}
