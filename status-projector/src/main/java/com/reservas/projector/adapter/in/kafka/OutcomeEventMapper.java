package com.reservas.projector.adapter.in.kafka;

import com.reservas.consumer.support.kafka.IncomingEvent;
import com.reservas.consumer.support.kafka.OutcomeEvents;
import com.reservas.reservation.application.port.in.ApplyOutcomeUseCase.OutcomeCommand;
import com.reservas.reservation.application.port.out.ExternalCallLog.ExternalCall;
import com.reservas.reservation.domain.Outcome;
import com.reservas.schemas.avro.EventMetadata;
import com.reservas.schemas.avro.PaymentAuthorizationStarted;
import com.reservas.schemas.avro.PaymentAuthorized;
import com.reservas.schemas.avro.PaymentCaptured;
import com.reservas.schemas.avro.PaymentDeclined;
import com.reservas.schemas.avro.PaymentFailed;
import com.reservas.schemas.avro.PaymentOperationRefused;
import com.reservas.schemas.avro.PaymentRefunded;
import com.reservas.schemas.avro.PaymentVoided;
import com.reservas.schemas.avro.SupplierBookingCancelled;
import com.reservas.schemas.avro.SupplierBookingConfirmed;
import com.reservas.schemas.avro.SupplierBookingRejected;
import com.reservas.schemas.avro.SupplierCancellationRefused;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * Translates the published payment and supplier events into the domain's outcomes. The only place
 * that knows both the Avro contract and the state machine's vocabulary.
 */
final class OutcomeEventMapper {

  /** The command for the event, or an exception for a type this projector does not know. */
  OutcomeCommand toCommand(String consumer, IncomingEvent incoming) {
    SpecificRecord event = incoming.payload();
    EventMetadata metadata = OutcomeEvents.metadataOf(event);
    Mapped mapped = map(event);
    return new OutcomeCommand(
        consumer,
        UUID.fromString(metadata.getEventId()),
        mapped.reservationCode(),
        mapped.outcome(),
        metadata.getOccurredAt(),
        mapped.calls().stream().map(OutcomeEventMapper::call).toList(),
        incoming.traceparent());
  }

  private record Mapped(
      String reservationCode,
      Outcome outcome,
      List<com.reservas.schemas.avro.ExternalCall> calls) {}

  private static Mapped map(SpecificRecord event) {
    if (event instanceof PaymentAuthorizationStarted e) {
      return new Mapped(
          e.getReservationCode(), new Outcome.PaymentAuthorizationStarted(), e.getCalls());
    }
    if (event instanceof PaymentAuthorized e) {
      return new Mapped(
          e.getReservationCode(),
          new Outcome.PaymentAuthorized(e.getPaymentIntentId()),
          e.getCalls());
    }
    if (event instanceof PaymentDeclined e) {
      return new Mapped(
          e.getReservationCode(), new Outcome.PaymentDeclined(e.getDeclineCode()), e.getCalls());
    }
    if (event instanceof PaymentFailed e) {
      return new Mapped(
          e.getReservationCode(), new Outcome.PaymentFailed(e.getReason()), e.getCalls());
    }
    if (event instanceof PaymentCaptured e) {
      return new Mapped(e.getReservationCode(), new Outcome.PaymentCaptured(), e.getCalls());
    }
    if (event instanceof PaymentVoided e) {
      return new Mapped(e.getReservationCode(), new Outcome.PaymentVoided(), e.getCalls());
    }
    if (event instanceof PaymentRefunded e) {
      return new Mapped(e.getReservationCode(), new Outcome.PaymentRefunded(), e.getCalls());
    }
    if (event instanceof SupplierBookingConfirmed e) {
      return new Mapped(
          e.getReservationCode(),
          new Outcome.SupplierConfirmed(e.getBookingReference()),
          e.getCalls());
    }
    if (event instanceof PaymentOperationRefused e) {
      return new Mapped(
          e.getReservationCode(),
          new Outcome.PaymentOperationRefused(e.getOperation(), e.getReason()),
          e.getCalls());
    }
    if (event instanceof SupplierBookingRejected e) {
      return new Mapped(
          e.getReservationCode(), new Outcome.SupplierRejected(e.getReason()), e.getCalls());
    }
    if (event instanceof SupplierCancellationRefused e) {
      return new Mapped(
          e.getReservationCode(),
          new Outcome.SupplierCancellationRefused(e.getReason()),
          e.getCalls());
    }
    if (event instanceof SupplierBookingCancelled e) {
      return new Mapped(e.getReservationCode(), new Outcome.SupplierCancelled(), e.getCalls());
    }
    throw new UnknownOutcomeException(event.getSchema().getFullName());
  }

  private static ExternalCall call(com.reservas.schemas.avro.ExternalCall c) {
    return new ExternalCall(
        c.getOperation(),
        c.getRequestId(),
        c.getMethod(),
        c.getUrl(),
        c.getRequestBody(),
        c.getResponseStatus(),
        c.getResponseBody(),
        c.getStartedAt(),
        c.getDurationMillis());
  }
}
