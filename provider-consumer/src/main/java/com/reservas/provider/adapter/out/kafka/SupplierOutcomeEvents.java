package com.reservas.provider.adapter.out.kafka;

import com.reservas.provider.domain.ExternalCall;
import com.reservas.provider.domain.SupplierOutcome;
import com.reservas.schemas.avro.EventMetadata;
import com.reservas.schemas.avro.SupplierBookingCancelled;
import com.reservas.schemas.avro.SupplierBookingConfirmed;
import com.reservas.schemas.avro.SupplierBookingRejected;
import com.reservas.schemas.avro.SupplierCancellationRefused;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** Writes supplier outcomes as the Avro events of {@code suppliers.events}. */
final class SupplierOutcomeEvents {

  private SupplierOutcomeEvents() {}

  /** The simple name of the event record an outcome is published as. */
  static String eventType(SupplierOutcome outcome) {
    if (outcome instanceof SupplierOutcome.BookingConfirmed) {
      return SupplierBookingConfirmed.class.getSimpleName();
    }
    if (outcome instanceof SupplierOutcome.BookingRejected) {
      return SupplierBookingRejected.class.getSimpleName();
    }
    if (outcome instanceof SupplierOutcome.CancellationRefused) {
      return SupplierCancellationRefused.class.getSimpleName();
    }
    return SupplierBookingCancelled.class.getSimpleName();
  }

  static SpecificRecord toEvent(
      SupplierOutcome outcome, String eventId, Instant occurredAt, String traceparent) {
    EventMetadata metadata =
        EventMetadata.newBuilder()
            .setEventId(eventId)
            .setEventType(eventType(outcome))
            .setOccurredAt(occurredAt)
            .setTraceparent(traceparent)
            .build();
    List<com.reservas.schemas.avro.ExternalCall> calls =
        outcome.calls().stream().map(SupplierOutcomeEvents::toCall).toList();
    if (outcome instanceof SupplierOutcome.BookingConfirmed confirmed) {
      return SupplierBookingConfirmed.newBuilder()
          .setMetadata(metadata)
          .setReservationCode(confirmed.reservationCode())
          .setSupplierCode(confirmed.supplierCode())
          .setBookingReference(confirmed.bookingReference())
          .setCalls(calls)
          .build();
    }
    if (outcome instanceof SupplierOutcome.BookingRejected rejected) {
      return SupplierBookingRejected.newBuilder()
          .setMetadata(metadata)
          .setReservationCode(rejected.reservationCode())
          .setSupplierCode(rejected.supplierCode())
          .setReason(rejected.reason())
          .setCalls(calls)
          .build();
    }
    if (outcome instanceof SupplierOutcome.CancellationRefused refused) {
      return SupplierCancellationRefused.newBuilder()
          .setMetadata(metadata)
          .setReservationCode(refused.reservationCode())
          .setSupplierCode(refused.supplierCode())
          .setBookingReference(refused.bookingReference())
          .setReason(refused.reason())
          .setCalls(calls)
          .build();
    }
    SupplierOutcome.BookingCancelled cancelled = (SupplierOutcome.BookingCancelled) outcome;
    return SupplierBookingCancelled.newBuilder()
        .setMetadata(metadata)
        .setReservationCode(cancelled.reservationCode())
        .setSupplierCode(cancelled.supplierCode())
        .setBookingReference(cancelled.bookingReference())
        .setCalls(calls)
        .build();
  }

  private static com.reservas.schemas.avro.ExternalCall toCall(ExternalCall call) {
    return com.reservas.schemas.avro.ExternalCall.newBuilder()
        .setOperation(call.operation())
        .setRequestId(call.requestId())
        .setMethod(call.method())
        .setUrl(call.url())
        .setRequestBody(call.requestBody())
        .setResponseStatus(call.responseStatus())
        .setResponseBody(call.responseBody())
        .setStartedAt(call.startedAt())
        .setDurationMillis(call.durationMillis())
        .build();
  }
}
