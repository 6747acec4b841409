package com.reservas.payment.domain;

import com.reservas.consumer.support.loop.HttpExchange;
import java.util.List;
import java.util.Objects;

/**
 * What the payment consumer publishes about a reservation: the outcome of an operation, with the
 * Stripe calls it took.
 *
 * @param reservationCode the reservation
 * @param operation the operation the outcome belongs to (a void that became a refund: {@code
 *     REFUND})
 * @param outcome what happened
 * @param calls the calls made, in order
 */
public record PaymentResult(
    String reservationCode,
    PaymentOperation operation,
    PaymentOutcome outcome,
    List<HttpExchange> calls) {

  /** Validates and copies. */
  public PaymentResult {
    Objects.requireNonNull(reservationCode, "reservationCode");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(outcome, "outcome");
    calls = List.copyOf(calls);
  }
}
