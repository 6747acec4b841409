package com.reservas.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.reservas.consumer.support.kafka.OutcomeEvents;
import com.reservas.payment.support.PaymentConsumerIntegrationTest;
import com.reservas.payment.support.ReservationEvents;
import com.reservas.schemas.avro.ExternalCall;
import com.reservas.schemas.avro.PaymentAuthorizationStarted;
import com.reservas.schemas.avro.PaymentAuthorized;
import com.reservas.schemas.avro.PaymentCaptured;
import com.reservas.schemas.avro.PaymentDeclined;
import com.reservas.schemas.avro.PaymentFailed;
import com.reservas.schemas.avro.PaymentOperationRefused;
import com.reservas.schemas.avro.PaymentRefunded;
import com.reservas.schemas.avro.PaymentVoided;
import com.reservas.schemas.avro.ReservationCreated;
import com.reservas.stripe.standin.FailureMode;
import com.reservas.stripe.standin.FaultSettings;
import com.reservas.stripe.standin.PaymentIntentRecord;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The payment lifecycle of docs/spec.md §3 end to end: Kafka in, Stripe (stand-in) over HTTP, Kafka
 * out.
 */
class PaymentFlowsTest extends PaymentConsumerIntegrationTest {

  @Test
  void aNewReservationIsAnnouncedThenAuthorizedWithAManualCapturePaymentIntent() {
    ReservationCreated created = ReservationEvents.created("AUTH0001", "pm_card_visa");

    send(created);

    List<SpecificRecord> events =
        awaitOutcomes(
            "AUTH0001", list -> list.stream().anyMatch(PaymentAuthorized.class::isInstance));
    assertThat(events).hasSize(2);
    PaymentAuthorizationStarted started = (PaymentAuthorizationStarted) events.get(0);
    PaymentAuthorized authorized = (PaymentAuthorized) events.get(1);
    String sourceId = created.getMetadata().getEventId();
    assertThat(started.getIdempotencyKey()).isEqualTo("AUTH0001-authorize");
    assertThat(started.getMetadata().getEventId())
        .isEqualTo(
            OutcomeEvents.outcomeEventId(sourceId, "authorize", "PaymentAuthorizationStarted"));
    assertThat(authorized.getMetadata().getEventId())
        .isEqualTo(OutcomeEvents.outcomeEventId(sourceId, "authorize", "PaymentAuthorized"));
    assertThat(authorized.getMetadata().getTraceparent()).isEqualTo(ReservationEvents.TRACEPARENT);
    assertThat(authorized.getAmount()).isEqualTo("412.00");
    assertThat(authorized.getCurrency()).isEqualTo("EUR");

    PaymentIntentRecord intent =
        STRIPE.paymentIntent(authorized.getPaymentIntentId()).orElseThrow();
    assertThat(intent.amount()).isEqualTo(41_200);
    assertThat(intent.currency()).isEqualTo("eur");
    assertThat(intent.captureMethod()).isEqualTo("manual");
    assertThat(intent.paymentMethod()).isEqualTo("pm_card_visa");
    assertThat(intent.metadata()).containsEntry("reservation_code", "AUTH0001");
    assertThat(intent.status().toString()).isEqualToIgnoringCase("requires_capture");
    assertThat(STRIPE.paymentIntentsCreatedFor("AUTH0001")).isEqualTo(1);

    assertThat(authorized.getCalls()).hasSize(1);
    ExternalCall call = authorized.getCalls().get(0);
    assertThat(call.getOperation()).isEqualTo("stripe.paymentIntents.create");
    assertThat(call.getRequestId()).isEqualTo("AUTH0001-authorize");
    assertThat(call.getMethod()).isEqualTo("POST");
    assertThat(call.getUrl()).isEqualTo(STRIPE.baseUrl() + "/v1/payment_intents");
    assertThat(call.getResponseStatus()).isEqualTo(200);
    assertThat(call.getRequestBody())
        .contains("amount=41200", "currency=eur", "capture_method=manual", "confirm=true")
        .contains("metadata[reservation_code]=AUTH0001", "payment_method=pm_****visa");
    assertThat(call.getResponseBody())
        .contains(authorized.getPaymentIntentId(), "requires_capture");
    assertThat(call.toString()).doesNotContain("pm_card_visa", "sk_test_local");
    assertThat(call.getResponseBody()).doesNotContainPattern("pi_\\w+_secret_\\w{5,}");
  }

  @ParameterizedTest
  @CsvSource({
    "DECL0001, pm_card_chargeDeclined, generic_decline",
    "DECL0002, pm_card_chargeDeclinedInsufficientFunds, insufficient_funds",
    "DECL0003, pm_card_chargeDeclinedExpiredCard, expired_card",
  })
  void aDeclinedCardIsABusinessOutcomePublishedAtOnceAndNeverRetried(
      String code, String card, String declineCode) {
    send(ReservationEvents.created(code, card));

    PaymentDeclined declined = awaitOutcome(code, PaymentDeclined.class);

    assertThat(declined.getDeclineCode()).isEqualTo(declineCode);
    assertThat(declined.getMessage()).isNotBlank();
    assertThat(declined.getCalls()).hasSize(1);
    assertThat(declined.getCalls().get(0).getResponseStatus()).isEqualTo(402);
    assertThat(STRIPE.chargesFor(code).declines()).isEqualTo(1);
    assertThat(STRIPE.paymentIntentsCreatedFor(code)).isEqualTo(1);
    assertThat(topics.records("reservations.events-payment-consumer-retry-0", code)).isEmpty();
    assertThat(outcomes(code))
        .extracting(e -> e.getSchema().getName())
        .containsExactly("PaymentAuthorizationStarted", "PaymentDeclined");
  }

  @Test
  void anUnknownPaymentMethodFailsForGoodWithoutRetries() {
    send(ReservationEvents.created("FAIL0001", "pm_card_doesNotExist"));

    PaymentFailed failed = awaitOutcome("FAIL0001", PaymentFailed.class);

    assertThat(failed.getReason())
        .contains("No such PaymentMethod")
        .doesNotContain("pm_card_doesNotExist");
    assertThat(failed.getCalls()).hasSize(1);
    assertThat(failed.getCalls().get(0).getResponseStatus()).isEqualTo(400);
  }

  @Test
  void stripe500sAreRetriedWithTheSameKeyAndTheCardIsAuthorizedOnce() {
    STRIPE.setFaults(FaultSettings.failing(FailureMode.HTTP_500, 1.0).limitedTo(2));

    send(ReservationEvents.created("RETRY001", "pm_card_mastercard"));

    PaymentAuthorized authorized = awaitOutcome("RETRY001", PaymentAuthorized.class);
    assertThat(authorized.getCalls())
        .extracting(ExternalCall::getResponseStatus)
        .containsExactly(500, 500, 200);
    assertThat(authorized.getCalls())
        .extracting(ExternalCall::getRequestId)
        .containsOnly("RETRY001-authorize");
    assertThat(authorized.getCalls())
        .extracting(ExternalCall::getRequestBody)
        .containsOnly(authorized.getCalls().get(0).getRequestBody());
    assertThat(STRIPE.paymentIntentsCreatedFor("RETRY001")).isEqualTo(1);
    assertThat(STRIPE.authorizationsFor("RETRY001")).isEqualTo(1);
  }

  @Test
  void aStripeTimeoutIsRetriedAndTheCardIsAuthorizedOnce() {
    STRIPE.setFaults(FaultSettings.failing(FailureMode.TIMEOUT, 1.0).limitedTo(1));

    send(ReservationEvents.created("TIME0001", "pm_card_visa"));

    PaymentAuthorized authorized = awaitOutcome("TIME0001", PaymentAuthorized.class);
    assertThat(authorized.getCalls()).extracting(ExternalCall::getResponseStatus).contains(0, 200);
    assertThat(STRIPE.paymentIntentsCreatedFor("TIME0001")).isEqualTo(1);
    assertThat(STRIPE.authorizationsFor("TIME0001")).isEqualTo(1);
  }

  @Test
  void anAuthorizationWhoseAnswerIsLostIsRetriedWithItsKeyAndChargesOnce() {
    // Stripe executes the request, but the answer comes after the client's read timeout (300 ms).
    STRIPE.setFaults(FaultSettings.slow(Duration.ofMillis(800)));

    send(ReservationEvents.created("LOST0001", "pm_card_visa"));

    await().atMost(WAIT).until(() -> STRIPE.paymentIntentsCreatedFor("LOST0001") == 1);
    assertThat(outcomes("LOST0001")).noneMatch(PaymentAuthorized.class::isInstance);
    String made = STRIPE.paymentIntentsFor("LOST0001").get(0).id();
    STRIPE.clearFaults();

    PaymentAuthorized authorized = awaitOutcome("LOST0001", PaymentAuthorized.class);
    assertThat(authorized.getPaymentIntentId()).isEqualTo(made);
    assertThat(STRIPE.paymentIntentsCreatedFor("LOST0001")).isEqualTo(1);
    assertThat(STRIPE.authorizationsFor("LOST0001")).isEqualTo(1);
  }

  @Test
  void theSameEventDeliveredThreeTimesChargesTheCustomerOnce() {
    ReservationCreated created = ReservationEvents.created("DUPL0001", "pm_card_visa");

    send(created);
    send(created);
    send(created);

    List<SpecificRecord> events =
        awaitOutcomes(
            "DUPL0001",
            list -> list.stream().filter(PaymentAuthorized.class::isInstance).count() == 3);
    assertThat(STRIPE.paymentIntentsCreatedFor("DUPL0001")).isEqualTo(1);
    assertThat(STRIPE.authorizationsFor("DUPL0001")).isEqualTo(1);
    assertThat(events)
        .filteredOn(PaymentAuthorized.class::isInstance)
        .extracting(e -> ((PaymentAuthorized) e).getMetadata().getEventId())
        .containsOnly(
            OutcomeEvents.outcomeEventId(
                created.getMetadata().getEventId(), "authorize", "PaymentAuthorized"));
    assertThat(events)
        .filteredOn(PaymentAuthorized.class::isInstance)
        .extracting(e -> ((PaymentAuthorized) e).getPaymentIntentId())
        .containsOnly(((PaymentAuthorized) events.get(events.size() - 1)).getPaymentIntentId());
  }

  @Test
  void aConfirmedReservationIsCapturedOnceEvenIfTheConfirmationArrivesTwice() {
    String intent = authorize("CAPT0001");

    send(
        ReservationEvents.statusChanged(
            "CAPT0001", "PAID", "SUPPLIER_CONFIRMED", "AUTHORIZED", intent));
    send(
        ReservationEvents.statusChanged(
            "CAPT0001", "PAID", "SUPPLIER_CONFIRMED", "AUTHORIZED", intent));

    List<SpecificRecord> events =
        awaitOutcomes(
            "CAPT0001",
            list -> list.stream().filter(PaymentCaptured.class::isInstance).count() == 2);
    PaymentCaptured captured =
        events.stream()
            .filter(PaymentCaptured.class::isInstance)
            .map(PaymentCaptured.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(captured.getPaymentIntentId()).isEqualTo(intent);
    assertThat(captured.getCalls().get(0).getOperation())
        .isEqualTo("stripe.paymentIntents.capture");
    assertThat(STRIPE.capturedAmountFor("CAPT0001")).isEqualTo(41_200);
    assertThat(STRIPE.chargesFor("CAPT0001").captures()).isEqualTo(1);
  }

  @Test
  void aReminderOfAnAuthorizationWhoseAnswerWasNeverRecordedAsksStripeAgainWithItsKey() {
    String intent = authorize("RMND0001");

    // The projector never recorded the answer (e.g. it was dead-lettered): the policy reminds.
    remindAuthorizationInProgress("RMND0001");

    assertAuthorizedAgainWithTheSameOnePaymentIntent("RMND0001", intent);
  }

  /**
   * A day later Stripe no longer knows the key: asked again under it, it would make a second
   * PaymentIntent (and hold the money twice). The consumer finds the first one by its metadata.
   */
  @Test
  void aReminderAfterStripeForgotTheIdempotencyKeyFindsTheAuthorizationInsteadOfMakingAnother() {
    String intent = authorize("LATE0001");
    STRIPE.advanceClock(Duration.ofHours(25));

    remindAuthorizationInProgress("LATE0001");

    assertAuthorizedAgainWithTheSameOnePaymentIntent("LATE0001", intent);
  }

  @Test
  void aReservationCancelledWhileItsAuthorizationWasInProgressLearnsWhatStripeDidAndIsReleased() {
    String intent = authorize("EXPR0001");

    // Expired before the authorization's answer was recorded.
    send(ReservationEvents.cancelled("EXPR0001", "PAYMENT_IN_PROGRESS", "IN_PROGRESS", null));
    List<SpecificRecord> events =
        awaitOutcomes(
            "EXPR0001",
            list -> list.stream().filter(PaymentAuthorized.class::isInstance).count() == 2);
    assertThat(((PaymentAuthorized) events.get(events.size() - 1)).getPaymentIntentId())
        .isEqualTo(intent);
    // The projector records the late authorization and re-announces the cancellation.
    send(ReservationEvents.cancelled("EXPR0001", "PAYMENT_IN_PROGRESS", "AUTHORIZED", intent));

    awaitOutcome("EXPR0001", PaymentVoided.class);
    assertThat(STRIPE.paymentIntent(intent).orElseThrow().status().toString())
        .isEqualToIgnoringCase("canceled");
    assertThat(STRIPE.paymentIntentsCreatedFor("EXPR0001")).isEqualTo(1);
  }

  @Test
  void aCaptureStripeRefusesForGoodIsPublishedForAPersonNotDeadLetteredAndRetried() {
    String intent = authorize("RFSD0001");
    send(ReservationEvents.cancelled("RFSD0001", "PAID", "AUTHORIZED", intent));
    awaitOutcome("RFSD0001", PaymentVoided.class);

    // A stale confirmation asks to capture what was voided: Stripe refuses, for good.
    send(
        ReservationEvents.statusChanged(
            "RFSD0001", "PAID", "SUPPLIER_CONFIRMED", "AUTHORIZED", intent));

    PaymentOperationRefused refused = awaitOutcome("RFSD0001", PaymentOperationRefused.class);
    assertThat(refused.getOperation()).isEqualTo("capture");
    assertThat(refused.getPaymentIntentId()).isEqualTo(intent);
    assertThat(refused.getReason()).contains("Stripe refused to capture");
    assertThat(refused.getCalls()).extracting(ExternalCall::getResponseStatus).containsOnly(400);
    assertThat(topics.records(DLT, "RFSD0001")).isEmpty();
    assertThat(topics.records("reservations.events-payment-consumer-retry-0", "RFSD0001"))
        .isEmpty();
  }

  @Test
  void aCancelledAuthorizedReservationIsVoided() {
    String intent = authorize("VOID0001");

    send(ReservationEvents.cancelled("VOID0001", "PAID", "AUTHORIZED", intent));

    PaymentVoided voided = awaitOutcome("VOID0001", PaymentVoided.class);
    assertThat(voided.getPaymentIntentId()).isEqualTo(intent);
    assertThat(voided.getCalls().get(0).getOperation()).isEqualTo("stripe.paymentIntents.cancel");
    assertThat(STRIPE.voidsFor("VOID0001")).isEqualTo(1);
    assertThat(STRIPE.capturedAmountFor("VOID0001")).isZero();
  }

  @Test
  void aCancelledCapturedReservationIsRefunded() {
    String intent = authorize("REFU0001");
    send(
        ReservationEvents.statusChanged(
            "REFU0001", "PAID", "SUPPLIER_CONFIRMED", "AUTHORIZED", intent));
    awaitOutcome("REFU0001", PaymentCaptured.class);

    send(ReservationEvents.cancelled("REFU0001", "SUPPLIER_CONFIRMED", "CAPTURED", intent));

    PaymentRefunded refunded = awaitOutcome("REFU0001", PaymentRefunded.class);
    assertThat(refunded.getPaymentIntentId()).isEqualTo(intent);
    assertThat(refunded.getRefundId()).startsWith("re_");
    assertThat(refunded.getCalls().get(0).getOperation()).isEqualTo("stripe.refunds.create");
    assertThat(STRIPE.refundedAmountFor("REFU0001")).isEqualTo(41_200);
  }

  @Test
  void aVoidThatFindsThePaymentAlreadyCapturedRefundsItInstead() {
    String intent = authorize("LATE0001");
    send(
        ReservationEvents.statusChanged(
            "LATE0001", "PAID", "SUPPLIER_CONFIRMED", "AUTHORIZED", intent));
    awaitOutcome("LATE0001", PaymentCaptured.class);

    // A stale cancellation snapshot still says AUTHORIZED: the void meets a captured PaymentIntent.
    send(ReservationEvents.cancelled("LATE0001", "PAID", "AUTHORIZED", intent));

    PaymentRefunded refunded = awaitOutcome("LATE0001", PaymentRefunded.class);
    assertThat(refunded.getPaymentIntentId()).isEqualTo(intent);
    assertThat(refunded.getCalls())
        .extracting(ExternalCall::getOperation, ExternalCall::getResponseStatus)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("stripe.paymentIntents.cancel", 400),
            org.assertj.core.groups.Tuple.tuple("stripe.refunds.create", 200));
    assertThat(STRIPE.refundedAmountFor("LATE0001")).isEqualTo(41_200);
    assertThat(STRIPE.voidsFor("LATE0001")).isZero();
    assertThat(outcomes("LATE0001")).noneMatch(PaymentVoided.class::isInstance);
  }

  @Test
  void eventsThatNeedNoPaymentActionAreAcknowledgedWithoutCallingStripe() {
    // Paid, the supplier's turn; then cancelled after a decline: nothing for Stripe.
    send(
        ReservationEvents.statusChanged(
            "NOOP0001", "PAYMENT_IN_PROGRESS", "PAID", "AUTHORIZED", "pi_noop"));
    send(ReservationEvents.cancelled("NOOP0001", "PAYMENT_IN_PROGRESS", "DECLINED", null));
    String intent = authorize("NOOP0002");

    // Events are handled in order per partition; by the time a later reservation's outcome is out,
    // whatever the no-op events would have done is visible.
    assertThat(intent).startsWith("pi_");
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> outcomes("NOOP0001").isEmpty());
    assertThat(STRIPE.chargesFor("NOOP0001").paymentIntents()).isZero();
  }

  @Test
  void theAnnouncementOfAnAuthorizationsStartIsNotASecondAuthorization() {
    String intent = authorize("ECHO0001");

    // The projector's echo of the start this consumer published, then a cancellation: the same key,
    // so handled in this order; the void's outcome shows the echo was handled before it.
    send(
        ReservationEvents.statusChanged(
            "ECHO0001", "CREATED", "PAYMENT_IN_PROGRESS", "IN_PROGRESS", null));
    send(ReservationEvents.cancelled("ECHO0001", "PAID", "AUTHORIZED", intent));
    awaitOutcome("ECHO0001", PaymentVoided.class);

    assertThat(outcomes("ECHO0001")).filteredOn(PaymentAuthorized.class::isInstance).hasSize(1);
    assertThat(STRIPE.paymentIntentsCreatedFor("ECHO0001")).isEqualTo(1);
  }

  @Test
  void aCaptureWithoutPaymentIntentGoesStraightToTheDeadLetterTopic() {
    send(
        ReservationEvents.statusChanged(
            "BADS0001", "PAID", "SUPPLIER_CONFIRMED", "AUTHORIZED", null));

    await().atMost(WAIT).until(() -> !topics.records(DLT, "BADS0001").isEmpty());
    assertThat(topics.records("reservations.events-payment-consumer-retry-0", "BADS0001"))
        .isEmpty();
  }

  /** Authorizes a fresh reservation and returns its PaymentIntent id. */
  /** The stuck policy's reminder of a reservation whose authorization answer was never recorded. */
  private void remindAuthorizationInProgress(String code) {
    send(
        ReservationEvents.statusChanged(
            code, "PAYMENT_IN_PROGRESS", "PAYMENT_IN_PROGRESS", "IN_PROGRESS", null));
  }

  /** A second authorization, naming the first PaymentIntent, and still one PaymentIntent. */
  private void assertAuthorizedAgainWithTheSameOnePaymentIntent(String code, String intent) {
    List<SpecificRecord> events =
        awaitOutcomes(
            code, list -> list.stream().filter(PaymentAuthorized.class::isInstance).count() == 2);
    assertThat(events)
        .filteredOn(PaymentAuthorized.class::isInstance)
        .extracting(e -> ((PaymentAuthorized) e).getPaymentIntentId())
        .containsExactly(intent, intent);
    assertThat(STRIPE.paymentIntentsCreatedFor(code)).isEqualTo(1);
  }

  private String authorize(String code) {
    send(ReservationEvents.created(code, "pm_card_visa"));
    return awaitOutcome(code, PaymentAuthorized.class).getPaymentIntentId();
  }
}
