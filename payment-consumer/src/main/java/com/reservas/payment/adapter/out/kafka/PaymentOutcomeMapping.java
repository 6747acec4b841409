package com.reservas.payment.adapter.out.kafka;

import com.reservas.consumer.support.kafka.OutcomeMapping;
import com.reservas.consumer.support.loop.HttpExchange;
import com.reservas.payment.domain.PaymentOutcome;
import com.reservas.payment.domain.PaymentResult;
import com.reservas.schemas.avro.ExternalCall;
import com.reservas.schemas.avro.PaymentAuthorizationStarted;
import com.reservas.schemas.avro.PaymentAuthorized;
import com.reservas.schemas.avro.PaymentCaptured;
import com.reservas.schemas.avro.PaymentDeclined;
import com.reservas.schemas.avro.PaymentFailed;
import com.reservas.schemas.avro.PaymentOperationRefused;
import com.reservas.schemas.avro.PaymentRefunded;
import com.reservas.schemas.avro.PaymentVoided;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Payment results as the Avro events of {@code payments.events}; their ids derive from the event
 * answered and the operation's key ({@code authorize}...).
 */
public final class PaymentOutcomeMapping implements OutcomeMapping<PaymentResult> {

  @Override
  public String reservationCode(PaymentResult result) {
    return result.reservationCode();
  }

  @Override
  public String operation(PaymentResult result) {
    return result.operation().key();
  }

  @Override
  public List<HttpExchange> calls(PaymentResult result) {
    return result.calls();
  }

  @Override
  public SpecificRecord toEvent(PaymentResult result, Metadata metadata, List<ExternalCall> calls) {
    String code = result.reservationCode();
    PaymentOutcome outcome = result.outcome();
    if (outcome instanceof PaymentOutcome.AuthorizationStarted started) {
      return PaymentAuthorizationStarted.newBuilder()
          .setMetadata(metadata.of(PaymentAuthorizationStarted.class))
          .setReservationCode(code)
          .setIdempotencyKey(started.idempotencyKey())
          .setCalls(calls)
          .build();
    }
    if (outcome instanceof PaymentOutcome.Authorized authorized) {
      return PaymentAuthorized.newBuilder()
          .setMetadata(metadata.of(PaymentAuthorized.class))
          .setReservationCode(code)
          .setPaymentIntentId(authorized.paymentIntentId())
          .setAmount(authorized.amount().amountText())
          .setCurrency(authorized.amount().currencyCode())
          .setCalls(calls)
          .build();
    }
    if (outcome instanceof PaymentOutcome.Declined declined) {
      return PaymentDeclined.newBuilder()
          .setMetadata(metadata.of(PaymentDeclined.class))
          .setReservationCode(code)
          .setDeclineCode(declined.declineCode())
          .setMessage(declined.message())
          .setCalls(calls)
          .build();
    }
    if (outcome instanceof PaymentOutcome.Failed failed) {
      return PaymentFailed.newBuilder()
          .setMetadata(metadata.of(PaymentFailed.class))
          .setReservationCode(code)
          .setReason(failed.reason())
          .setCalls(calls)
          .build();
    }
    if (outcome instanceof PaymentOutcome.Captured captured) {
      return PaymentCaptured.newBuilder()
          .setMetadata(metadata.of(PaymentCaptured.class))
          .setReservationCode(code)
          .setPaymentIntentId(captured.paymentIntentId())
          .setCalls(calls)
          .build();
    }
    if (outcome instanceof PaymentOutcome.Voided voided) {
      return PaymentVoided.newBuilder()
          .setMetadata(metadata.of(PaymentVoided.class))
          .setReservationCode(code)
          .setPaymentIntentId(voided.paymentIntentId())
          .setCalls(calls)
          .build();
    }
    if (outcome instanceof PaymentOutcome.Refunded refunded) {
      return PaymentRefunded.newBuilder()
          .setMetadata(metadata.of(PaymentRefunded.class))
          .setReservationCode(code)
          .setPaymentIntentId(refunded.paymentIntentId())
          .setRefundId(refunded.refundId())
          .setCalls(calls)
          .build();
    }
    if (outcome instanceof PaymentOutcome.Refused refused) {
      return PaymentOperationRefused.newBuilder()
          .setMetadata(metadata.of(PaymentOperationRefused.class))
          .setReservationCode(code)
          .setOperation(result.operation().key())
          .setPaymentIntentId(refused.paymentIntentId())
          .setReason(refused.reason())
          .setCalls(calls)
          .build();
    }
    throw new IllegalArgumentException(
        outcome.getClass().getSimpleName() + " is not published (" + code + ")");
  }
}
