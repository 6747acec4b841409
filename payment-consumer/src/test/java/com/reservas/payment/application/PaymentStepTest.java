package com.reservas.payment.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservas.consumer.support.loop.EventSource;
import com.reservas.consumer.support.loop.HttpExchange;
import com.reservas.consumer.support.loop.ReservationEvent;
import com.reservas.consumer.support.loop.ReservationLoop;
import com.reservas.consumer.support.loop.UnprocessableEventException;
import com.reservas.payment.application.port.out.AuthorizationLookup;
import com.reservas.payment.application.port.out.GatewayResponse;
import com.reservas.payment.application.port.out.PaymentGateway;
import com.reservas.payment.application.service.PaymentStep;
import com.reservas.payment.domain.Money;
import com.reservas.payment.domain.PaymentOperation;
import com.reservas.payment.domain.PaymentOutcome;
import com.reservas.payment.domain.PaymentPolicy;
import com.reservas.payment.domain.PaymentResult;
import com.reservas.payment.domain.ReservationPayment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The payment step in consumer-support's loop with in-memory ports: what is called, in which order,
 * and what is published.
 */
class PaymentStepTest {

  private final List<String> log = new ArrayList<>();
  private final EventSource source = new EventSource("evt-1", "ReservationCreated", null);

  private PaymentOutcome voidAnswer = new PaymentOutcome.Voided("pi_1");
  private Optional<PaymentOutcome> madeBefore = Optional.empty();

  private final PaymentGateway gateway =
      new PaymentGateway() {
        @Override
        public GatewayResponse authorize(String key, String code, Money amount, String token) {
          log.add("stripe authorize " + key + " " + amount.minorUnits() + " " + token);
          return new GatewayResponse(
              new PaymentOutcome.Authorized("pi_1", amount), List.of(call(key)));
        }

        @Override
        public AuthorizationLookup findAuthorization(String code, Money amount) {
          log.add("stripe search " + code);
          return new AuthorizationLookup(madeBefore, List.of(call(code + "-lookup")));
        }

        @Override
        public GatewayResponse capture(String key, String code, String intent) {
          log.add("stripe capture " + key + " " + intent);
          return new GatewayResponse(new PaymentOutcome.Captured(intent), List.of(call(key)));
        }

        @Override
        public GatewayResponse voidAuthorization(String key, String code, String intent) {
          log.add("stripe void " + key + " " + intent);
          return new GatewayResponse(voidAnswer, List.of(call(key)));
        }

        @Override
        public GatewayResponse refund(String key, String code, String intent) {
          log.add("stripe refund " + key + " " + intent);
          return new GatewayResponse(
              new PaymentOutcome.Refunded(intent, "re_1"), List.of(call(key)));
        }
      };

  private final ReservationLoop<ReservationPayment, PaymentOperation, PaymentResult> service =
      new ReservationLoop<>(
          new PaymentStep(new PaymentPolicy(), gateway),
          (source, result) -> {
            log.add(describe(result));
            return result.outcome().getClass().getSimpleName();
          });

  private static String describe(PaymentResult result) {
    if (result.outcome() instanceof PaymentOutcome.AuthorizationStarted started) {
      return "publish started " + started.idempotencyKey();
    }
    return "publish "
        + result.operation().key()
        + " "
        + result.outcome().getClass().getSimpleName()
        + " calls="
        + result.calls().stream().map(HttpExchange::requestId).toList();
  }

  @Test
  void aNewReservationIsAnnouncedBeforeStripeIsAskedToAuthorize() {
    service.handle(event("CREATED", "PENDING", null));

    assertThat(log)
        .containsExactly(
            "publish started K7P2QX9A-authorize",
            "stripe authorize K7P2QX9A-authorize 41200 pm_card_visa",
            "publish authorize Authorized calls=[K7P2QX9A-authorize]");
  }

  @Test
  void theAnnouncementOfItsOwnStartAsksStripeNothing() {
    service.handle(event("CREATED", "PENDING", null));
    log.clear();

    service.handle(event("PAYMENT_IN_PROGRESS", "IN_PROGRESS", null));

    assertThat(log).isEmpty();
  }

  @Test
  void aRepeatedAuthorizationFindsThePaymentIntentStripeMadeAndAsksNothingAgain() {
    madeBefore = Optional.of(new PaymentOutcome.Authorized("pi_1", Money.parse("412.00", "EUR")));

    service.handle(reminder("PAYMENT_IN_PROGRESS", "IN_PROGRESS"));

    assertThat(log)
        .containsExactly(
            "stripe search K7P2QX9A", "publish authorize Authorized calls=[K7P2QX9A-lookup]");
  }

  @Test
  void aRepeatedAuthorizationStripeHasNoRecordOfIsAskedForUnderItsKey() {
    service.handle(event("CANCELLED", "IN_PROGRESS", null));

    assertThat(log)
        .containsExactly(
            "stripe search K7P2QX9A",
            "publish started K7P2QX9A-authorize",
            "stripe authorize K7P2QX9A-authorize 41200 pm_card_visa",
            "publish authorize Authorized calls=[K7P2QX9A-lookup, K7P2QX9A-authorize]");
  }

  @Test
  void aVoidOfACapturedPaymentBecomesARefundWithTheCallsOfBoth() {
    voidAnswer = new PaymentOutcome.AlreadyCaptured("pi_1");

    service.handle(event("CANCELLED", "AUTHORIZED", "pi_1"));

    assertThat(log)
        .containsExactly(
            "stripe void K7P2QX9A-void pi_1",
            "stripe refund K7P2QX9A-refund pi_1",
            "publish refund Refunded calls=[K7P2QX9A-void, K7P2QX9A-refund]");
  }

  @Test
  void captureAndRefundUseTheirOwnKeys() {
    service.handle(event("SUPPLIER_CONFIRMED", "AUTHORIZED", "pi_1"));
    service.handle(event("CANCELLED", "CAPTURED", "pi_1"));

    assertThat(log)
        .containsExactly(
            "stripe capture K7P2QX9A-capture pi_1",
            "publish capture Captured calls=[K7P2QX9A-capture]",
            "stripe refund K7P2QX9A-refund pi_1",
            "publish refund Refunded calls=[K7P2QX9A-refund]");
  }

  @Test
  void anythingElseTouchesNothing() {
    assertThat(service.handle(event("PAID", "AUTHORIZED", "pi_1")).published()).isEmpty();
    assertThat(log).isEmpty();
  }

  @Test
  void anUnusablePriceIsAnInvalidEventAndNothingIsPublished() {
    ReservationPayment broken =
        new ReservationPayment(
            "K7P2QX9A", "CREATED", "PENDING", "12,00", "EUR", "pm_card_visa", null);

    assertThatThrownBy(() -> service.handle(new ReservationEvent<>(source, broken, false)))
        .isInstanceOf(UnprocessableEventException.class)
        .hasMessageContaining("price");
    assertThat(log).isEmpty();
  }

  private ReservationEvent<ReservationPayment> event(String status, String payment, String intent) {
    return new ReservationEvent<>(source, reservation(status, payment, intent), false);
  }

  private ReservationEvent<ReservationPayment> reminder(String status, String payment) {
    return new ReservationEvent<>(source, reservation(status, payment, null), true);
  }

  private static ReservationPayment reservation(String status, String payment, String intent) {
    return new ReservationPayment(
        "K7P2QX9A", status, payment, "412.00", "EUR", "pm_card_visa", intent);
  }

  private static HttpExchange call(String key) {
    return new HttpExchange(
        "op", key, "POST", "http://stripe/v1/x", null, 200, "{}", Instant.EPOCH, Duration.ZERO);
  }
}
