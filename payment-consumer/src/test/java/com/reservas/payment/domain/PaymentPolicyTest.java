package com.reservas.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservas.consumer.support.loop.Decision;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PaymentPolicyTest {

  private final PaymentPolicy policy = new PaymentPolicy();

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
    "CREATED, PENDING, false, AUTHORIZE",
    "CREATED, PENDING, true, AUTHORIZE",
    "PAYMENT_IN_PROGRESS, IN_PROGRESS, true, AUTHORIZE",
    "CANCELLED, IN_PROGRESS, false, AUTHORIZE",
    "CANCELLED, IN_PROGRESS, true, AUTHORIZE",
    "SUPPLIER_CONFIRMED, AUTHORIZED, false, CAPTURE",
    "SUPPLIER_CONFIRMED, AUTHORIZED, true, CAPTURE",
    "CANCELLED, AUTHORIZED, false, VOID",
    "CANCELLED, AUTHORIZED, true, VOID",
    "CANCELLED, CAPTURED, false, REFUND",
    "CANCELLED, CAPTURED, true, REFUND",
  })
  void theSnapshotsThatCallForAnOperation(
      String status, String payment, boolean reminder, PaymentOperation operation) {
    Decision<PaymentOperation> decision =
        policy.decide(reservation(status, payment, "pi_1"), reminder);

    assertThat(decision)
        .isInstanceOfSatisfying(
            Decision.Act.class, act -> assertThat(act.task()).isEqualTo(operation));
  }

  static List<Object[]> everyOtherCombination() {
    List<String> acting =
        List.of(
            "CREATED/PENDING",
            "CANCELLED/IN_PROGRESS",
            "SUPPLIER_CONFIRMED/AUTHORIZED",
            "CANCELLED/AUTHORIZED",
            "CANCELLED/CAPTURED");
    return STATUSES.stream()
        .flatMap(s -> PAYMENT_STATUSES.stream().map(p -> s + "/" + p))
        .filter(pair -> !acting.contains(pair))
        .flatMap(
            pair ->
                List.of(false, true).stream()
                    .filter(
                        reminder -> !(reminder && pair.equals("PAYMENT_IN_PROGRESS/IN_PROGRESS")))
                    .map(
                        reminder ->
                            new Object[] {pair.split("/")[0], pair.split("/")[1], reminder}))
        .toList();
  }

  /**
   * Includes the first announcement of {@code PAYMENT_IN_PROGRESS}: the echo of this consumer's own
   * start, whose authorization is already under way.
   */
  @ParameterizedTest
  @MethodSource("everyOtherCombination")
  void everyOtherSnapshotIsIgnored(String status, String payment, boolean reminder) {
    assertThat(policy.decide(reservation(status, payment, "pi_1"), reminder))
        .isInstanceOf(Decision.Skip.class);
  }

  @ParameterizedTest
  @CsvSource({"SUPPLIER_CONFIRMED, AUTHORIZED", "CANCELLED, AUTHORIZED", "CANCELLED, CAPTURED"})
  void aReleaseOrCaptureWithoutPaymentIntentIsInvalid(String status, String payment) {
    Decision<PaymentOperation> decision = policy.decide(reservation(status, payment, null), false);

    assertThat(decision).isInstanceOf(Decision.Refuse.class);
    assertThat(decision.reason()).contains("K7P2QX9A").contains("paymentIntentId");
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
