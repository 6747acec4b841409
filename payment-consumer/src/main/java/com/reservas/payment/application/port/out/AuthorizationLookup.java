package com.reservas.payment.application.port.out;

import com.reservas.consumer.support.loop.HttpExchange;
import com.reservas.payment.domain.PaymentOutcome;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Stripe knows of a reservation's authorization when asked by the reservation, not by the
 * idempotency key: the outcome of the PaymentIntent it made, or none when it made none.
 *
 * @param outcome {@code Authorized}, {@code Declined} or {@code Failed}; empty when Stripe has no
 *     PaymentIntent for the reservation
 * @param calls the calls made, in order
 */
public record AuthorizationLookup(Optional<PaymentOutcome> outcome, List<HttpExchange> calls) {

  /** Validates and copies. */
  public AuthorizationLookup {
    Objects.requireNonNull(outcome, "outcome");
    calls = List.copyOf(calls);
  }
}
