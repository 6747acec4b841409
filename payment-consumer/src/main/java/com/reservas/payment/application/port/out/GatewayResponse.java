package com.reservas.payment.application.port.out;

import com.reservas.consumer.support.loop.HttpExchange;
import com.reservas.payment.domain.PaymentOutcome;
import java.util.List;
import java.util.Objects;

/**
 * Stripe's answer to one operation, with the HTTP calls it took (every attempt, masked).
 *
 * @param outcome what Stripe answered
 * @param calls the calls made, in order
 */
public record GatewayResponse(PaymentOutcome outcome, List<HttpExchange> calls) {

  /** Validates and copies. */
  public GatewayResponse {
    Objects.requireNonNull(outcome, "outcome");
    calls = List.copyOf(calls);
  }
}
