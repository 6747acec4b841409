package com.reservas.payment.adapter.out.kafka;

import com.reservas.consumer.support.audit.ExternalCallRecorder;
import com.reservas.consumer.support.kafka.OutcomeEvents;
import com.reservas.consumer.support.kafka.OutcomePublisher;
import com.reservas.consumer.support.loop.HttpExchange;
import com.reservas.payment.application.port.in.EventContext;
import com.reservas.payment.application.port.out.PaymentOutcomePort;
import com.reservas.payment.domain.PaymentOperation;
import com.reservas.payment.domain.PaymentOutcome;
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
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * {@link PaymentOutcomePort} on Kafka: maps outcomes to the Avro events of {@code payments.events}
 * (ids derived from the source event, trace context carried on, masked calls attached), publishes
 * them through {@link OutcomePublisher} (waits for the broker), and counts them in {@code
 * reservas.payment.outcomes{operation, outcome}}.
 */
public class KafkaPaymentOutcomePublisher implements PaymentOutcomePort {

  private final OutcomePublisher publisher;
  private final ExternalCallRecorder recorder;
  private final String topic;
  private final Clock clock;
  private final MeterRegistry meters;

  /** Publishes to {@code topic}. */
  public KafkaPaymentOutcomePublisher(
      OutcomePublisher publisher,
      ExternalCallRecorder recorder,
      String topic,
      Clock clock,
      MeterRegistry meters) {
    this.publisher = publisher;
    this.recorder = recorder;
    this.topic = topic;
    this.clock = clock;
    this.meters = meters;
  }

  @Override
  public void authorizationStarted(
      EventContext source, String reservationCode, String idempotencyKey) {
    send(
        reservationCode,
        PaymentOperation.AUTHORIZE,
        PaymentAuthorizationStarted.newBuilder()
            .setMetadata(
                metadata(source, PaymentOperation.AUTHORIZE, PaymentAuthorizationStarted.class))
            .setReservationCode(reservationCode)
            .setIdempotencyKey(idempotencyKey)
            .setCalls(List.of())
            .build());
  }

  @Override
  public void publish(
      EventContext source,
      String reservationCode,
      PaymentOperation operation,
      PaymentOutcome outcome,
      List<HttpExchange> calls) {
    List<ExternalCall> audit = recorder.toExternalCalls(calls);
    send(reservationCode, operation, eventOf(source, reservationCode, operation, outcome, audit));
  }

  private SpecificRecord eventOf(
      EventContext source,
      String code,
      PaymentOperation operation,
      PaymentOutcome outcome,
      List<ExternalCall> calls) {
    if (outcome instanceof PaymentOutcome.Authorized authorized) {
      return PaymentAuthorized.newBuilder()
          .setMetadata(metadata(source, operation, PaymentAuthorized.class))
          .setReservationCode(code)
          .setPaymentIntentId(authorized.paymentIntentId())
          .setAmount(authorized.amount().amountText())
          .setCurrency(authorized.amount().currencyCode())
          .setCalls(calls)
          .build();
    }
    if (outcome instanceof PaymentOutcome.Declined declined) {
      return PaymentDeclined.newBuilder()
          .setMetadata(metadata(source, operation, PaymentDeclined.class))
          .setReservationCode(code)
          .setDeclineCode(declined.declineCode())
          .setMessage(declined.message())
          .setCalls(calls)
          .build();
    }
    if (outcome instanceof PaymentOutcome.Failed failed) {
      return PaymentFailed.newBuilder()
          .setMetadata(metadata(source, operation, PaymentFailed.class))
          .setReservationCode(code)
          .setReason(failed.reason())
          .setCalls(calls)
          .build();
    }
    if (outcome instanceof PaymentOutcome.Captured captured) {
      return PaymentCaptured.newBuilder()
          .setMetadata(metadata(source, operation, PaymentCaptured.class))
          .setReservationCode(code)
          .setPaymentIntentId(captured.paymentIntentId())
          .setCalls(calls)
          .build();
    }
    if (outcome instanceof PaymentOutcome.Voided voided) {
      return PaymentVoided.newBuilder()
          .setMetadata(metadata(source, operation, PaymentVoided.class))
          .setReservationCode(code)
          .setPaymentIntentId(voided.paymentIntentId())
          .setCalls(calls)
          .build();
    }
    if (outcome instanceof PaymentOutcome.Refunded refunded) {
      return PaymentRefunded.newBuilder()
          .setMetadata(metadata(source, operation, PaymentRefunded.class))
          .setReservationCode(code)
          .setPaymentIntentId(refunded.paymentIntentId())
          .setRefundId(refunded.refundId())
          .setCalls(calls)
          .build();
    }
    if (outcome instanceof PaymentOutcome.Refused refused) {
      return PaymentOperationRefused.newBuilder()
          .setMetadata(metadata(source, operation, PaymentOperationRefused.class))
          .setReservationCode(code)
          .setOperation(operation.key())
          .setPaymentIntentId(refused.paymentIntentId())
          .setReason(refused.reason())
          .setCalls(calls)
          .build();
    }
    throw new IllegalArgumentException(
        outcome.getClass().getSimpleName() + " is not published (" + code + ")");
  }

  private void send(String reservationCode, PaymentOperation operation, SpecificRecord event) {
    publisher.publish(topic, reservationCode, event);
    Counter.builder("reservas.payment.outcomes")
        .description("Payment outcome events published")
        .tag("operation", operation.key())
        .tag("outcome", event.getSchema().getName())
        .register(meters)
        .increment();
  }

  private EventMetadata metadata(
      EventContext source, PaymentOperation operation, Class<? extends SpecificRecord> type) {
    return OutcomeEvents.metadata(
        source.eventId(), source.traceparent(), operation.key(), type, clock.instant());
  }
}
