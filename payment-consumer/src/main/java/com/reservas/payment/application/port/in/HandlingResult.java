package com.reservas.payment.application.port.in;

import com.reservas.payment.domain.PaymentDecision;
import com.reservas.payment.domain.PaymentOutcome;
import java.util.List;

/**
 * What handling an event did.
 *
 * @param decision what the snapshot called for
 * @param outcomes the outcomes published, in order (empty when the event was ignored)
 */
public record HandlingResult(PaymentDecision decision, List<PaymentOutcome> outcomes) {

  /** Copies the list. */
  public HandlingResult {
    outcomes = List.copyOf(outcomes);
  }
}
