package com.reservas.reservation.adapter.out.persistence;

import com.reservas.reservation.domain.Handover;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.ReservationEvent;
import com.reservas.schemas.avro.Customer;
import com.reservas.schemas.avro.EventMetadata;
import com.reservas.schemas.avro.Price;
import com.reservas.schemas.avro.ReservationCancelled;
import com.reservas.schemas.avro.ReservationCreated;
import com.reservas.schemas.avro.ReservationSnapshot;
import com.reservas.schemas.avro.ReservationStatusChanged;
import com.reservas.schemas.avro.Stop;
import com.reservas.schemas.avro.Vehicle;
import com.reservas.schemas.seal.TokenSeal;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns domain reservation events into their published Avro contract (topic reservations.events).
 * Every subscriber of the topic reads every field, so the snapshot carries only what subscribers
 * need: the driver's name but no contact details, and the payment-method token sealed for the
 * payment consumer alone.
 */
public final class ReservationEventAvroMapper {

  private final TokenSeal tokenSeal;

  public ReservationEventAvroMapper(TokenSeal tokenSeal) {
    this.tokenSeal = tokenSeal;
  }

  /** The Avro record of the event, stamped with its id, type, time and trace context. */
  public SpecificRecord toAvro(ReservationEvent event, String traceparent) {
    ReservationSnapshot snapshot = snapshot(event.reservation());
    if (event instanceof ReservationEvent.ReservationCreated) {
      return ReservationCreated.newBuilder()
          .setMetadata(metadata(event, "ReservationCreated", traceparent))
          .setReservation(snapshot)
          .build();
    }
    if (event instanceof ReservationEvent.ReservationStatusChanged changed) {
      return ReservationStatusChanged.newBuilder()
          .setMetadata(metadata(event, "ReservationStatusChanged", traceparent))
          .setPreviousStatus(changed.previousStatus().name())
          .setReason(changed.reason())
          .setReservation(snapshot)
          .build();
    }
    ReservationEvent.ReservationCancelled cancelled = (ReservationEvent.ReservationCancelled) event;
    return ReservationCancelled.newBuilder()
        .setMetadata(metadata(event, "ReservationCancelled", traceparent))
        .setPreviousStatus(cancelled.previousStatus().name())
        .setReason(cancelled.reason())
        .setReservation(snapshot)
        .build();
  }

  private static EventMetadata metadata(ReservationEvent event, String type, String traceparent) {
    return EventMetadata.newBuilder()
        .setEventId(event.eventId().toString())
        .setEventType(type)
        .setOccurredAt(event.occurredAt())
        .setTraceparent(traceparent)
        .build();
  }

  ReservationSnapshot snapshot(Reservation r) {
    var customer = r.details().customer();
    return ReservationSnapshot.newBuilder()
        .setCode(r.code().value())
        .setClientId(r.clientId())
        .setStatus(r.status().name())
        .setPaymentStatus(r.paymentStatus().name())
        .setSupplierStatus(r.supplierStatus().name())
        .setCustomer(
            Customer.newBuilder()
                .setFirstName(customer.firstName())
                .setLastName(customer.lastName())
                .build())
        .setVehicle(
            Vehicle.newBuilder()
                .setCategoryCode(r.details().vehicle().categoryCode())
                .setSupplierCode(r.details().vehicle().supplierCode())
                .build())
        .setPickup(stop(r.details().period().pickup()))
        .setDropoff(stop(r.details().period().dropoff()))
        .setPrice(
            Price.newBuilder()
                .setAmount(r.price().amountText())
                .setCurrency(r.price().currency())
                .build())
        .setSealedPaymentMethodToken(
            tokenSeal.seal(r.code().value(), r.details().paymentMethodToken()))
        .setPaymentIntentId(r.paymentIntentId())
        .setSupplierBookingReference(r.supplierBookingReference())
        .setCancellationReason(r.cancellationReason())
        .setVersion(r.version())
        .setCreatedAt(r.createdAt())
        .setUpdatedAt(r.updatedAt())
        .build();
  }

  private static Stop stop(Handover handover) {
    return Stop.newBuilder()
        .setOfficeCode(handover.officeCode())
        .setAt(handover.at().toString())
        .build();
  }
}
