package com.reservas.provider.adapter.out.kafka;

import com.reservas.consumer.support.kafka.OutcomeMapping;
import com.reservas.consumer.support.loop.EventSource;
import com.reservas.consumer.support.loop.HttpExchange;
import com.reservas.provider.domain.SupplierOutcome;
import com.reservas.schemas.avro.ExternalCall;
import com.reservas.schemas.avro.SupplierBookingCancelled;
import com.reservas.schemas.avro.SupplierBookingConfirmed;
import com.reservas.schemas.avro.SupplierBookingRejected;
import com.reservas.schemas.avro.SupplierCancellationRefused;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Supplier outcomes as the Avro events of {@code suppliers.events}.
 *
 * <p>The event id is derived from the supplier request id, not from the event answered: the
 * supplier answers each request id once and for all, so the same answer, reached again through a
 * redelivery, a replay or a re-emitted snapshot, is published under the same id and the status
 * projector applies it once.
 */
public final class SupplierOutcomeMapping implements OutcomeMapping<SupplierOutcome> {

  @Override
  public String reservationCode(SupplierOutcome outcome) {
    return outcome.reservationCode();
  }

  /** {@code cancel} for a cancellation, else {@code book} (a refused cancellation included). */
  @Override
  public String operation(SupplierOutcome outcome) {
    return outcome instanceof SupplierOutcome.BookingCancelled ? "cancel" : "book";
  }

  @Override
  public String idBasis(EventSource source, SupplierOutcome outcome) {
    return outcome.requestId();
  }

  @Override
  public List<HttpExchange> calls(SupplierOutcome outcome) {
    return outcome.calls();
  }

  @Override
  public SpecificRecord toEvent(
      SupplierOutcome outcome, Metadata metadata, List<ExternalCall> calls) {
    if (outcome instanceof SupplierOutcome.BookingConfirmed confirmed) {
      return SupplierBookingConfirmed.newBuilder()
          .setMetadata(metadata.of(SupplierBookingConfirmed.class))
          .setReservationCode(confirmed.reservationCode())
          .setSupplierCode(confirmed.supplierCode())
          .setBookingReference(confirmed.bookingReference())
          .setCalls(calls)
          .build();
    }
    if (outcome instanceof SupplierOutcome.BookingRejected rejected) {
      return SupplierBookingRejected.newBuilder()
          .setMetadata(metadata.of(SupplierBookingRejected.class))
          .setReservationCode(rejected.reservationCode())
          .setSupplierCode(rejected.supplierCode())
          .setReason(rejected.reason())
          .setCalls(calls)
          .build();
    }
    if (outcome instanceof SupplierOutcome.CancellationRefused refused) {
      return SupplierCancellationRefused.newBuilder()
          .setMetadata(metadata.of(SupplierCancellationRefused.class))
          .setReservationCode(refused.reservationCode())
          .setSupplierCode(refused.supplierCode())
          .setBookingReference(refused.bookingReference())
          .setReason(refused.reason())
          .setCalls(calls)
          .build();
    }
    SupplierOutcome.BookingCancelled cancelled = (SupplierOutcome.BookingCancelled) outcome;
    return SupplierBookingCancelled.newBuilder()
        .setMetadata(metadata.of(SupplierBookingCancelled.class))
        .setReservationCode(cancelled.reservationCode())
        .setSupplierCode(cancelled.supplierCode())
        .setBookingReference(cancelled.bookingReference())
        .setCalls(calls)
        .build();
  }
}
