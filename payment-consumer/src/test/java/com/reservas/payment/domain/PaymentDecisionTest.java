package com.reservas.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PaymentDecisionTest {

  private static final List<String> STATUSES =
      List.of("CREATED", "PAYMENT_IN_PROGRESS", "PAID", "SUPPLIER_CONFIRMED", "CANCELLED");
  private static final List<String> PAYMENT_STATUSES =
      List.of(
          "PENDING",
          "IN_PROGRESS",
          "AUTHORIZED",
          "CAPTURED",
          "DECLINED",
          "FAILED",
          "VOIDED",
          "REFUNDED");

  @ParameterizedTest
  @CsvSource({
    "CREATED, PENDING, AUTHORIZE",
    "PAYMENT_IN_PROGRESS, IN_PROGRESS, AUTHORIZE",
    "CANCELLED, IN_PROGRESS, AUTHORIZE",
    "SUPPLIER_CONFIRMED, AUTHORIZED, CAPTURE",
    "CANCELLED, AUTHORIZED, VOID",
    "CANCELLED, CAPTURED, REFUND",
  })
  void theSnapshotsThatCallForAnOperation(
      String status, String payment, PaymentOperation operation) {
    PaymentDecision decision = PaymentDecision.decide(reservation(status, payment, "pi_1"));

    assertThat(decision.kind()).isEqualTo(PaymentDecision.Kind.ACT);
    assertThat(decision.operation()).isEqualTo(operation);
  }

  static List<Object[]> everyOtherCombination() {
    return STATUSES.stream()
        .flatMap(s -> PAYMENT_STATUSES.stream().map(p -> new Object[] {s, p}))
        .filter(
            pair ->
                !List.of(
                        "CREATED/PENDING",
                        "PAYMENT_IN_PROGRESS/IN_PROGRESS",
                        "CANCELLED/IN_PROGRESS",
                        "SUPPLIER_CONFIRMED/AUTHORIZED",
                        "CANCELLED/AUTHORIZED",
                        "CANCELLED/CAPTURED")
                    .contains(pair[0] + "/" + pair[1]))
        .toList();
  }

  @ParameterizedTest
  @MethodSource("everyOtherCombination")
  void everyOtherSnapshotIsIgnored(String status, String payment) {
    PaymentDecision decision = PaymentDecision.decide(reservation(status, payment, "pi_1"));

    assertThat(decision.kind()).isEqualTo(PaymentDecision.Kind.IGNORE);
    assertThat(decision.operationToRun()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"SUPPLIER_CONFIRMED, AUTHORIZED", "CANCELLED, AUTHORIZED", "CANCELLED, CAPTURED"})
  void aReleaseOrCaptureWithoutPaymentIntentIsInvalid(String status, String payment) {
    PaymentDecision decision = PaymentDecision.decide(reservation(status, payment, null));

    assertThat(decision.kind()).isEqualTo(PaymentDecision.Kind.INVALID);
    assertThat(decision.reason()).contains("paymentIntentId");
  }

  @ParameterizedTest
  @CsvSource({
    "AUTHORIZE, K7P2QX9A-authorize",
    "CAPTURE, K7P2QX9A-capture",
    "VOID, K7P2QX9A-void",
    "REFUND, K7P2QX9A-refund"
  })
  void idempotencyKeysArePerReservationAndOperation(PaymentOperation operation, String key) {
    assertThat(operation.idempotencyKey("K7P2QX9A")).isEqualTo(key);
  }

  private static ReservationPayment reservation(String status, String payment, String intent) {
    return new ReservationPayment(
        "K7P2QX9A", status, payment, "412.00", "EUR", "pm_card_visa", intent);
  }
}
