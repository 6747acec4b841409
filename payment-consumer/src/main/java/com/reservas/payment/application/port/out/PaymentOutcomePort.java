package com.reservas.payment.application.port.out;

import com.reservas.consumer.support.loop.HttpExchange;
import com.reservas.payment.application.port.in.EventContext;
import com.reservas.payment.domain.PaymentOperation;
import com.reservas.payment.domain.PaymentOutcome;
import java.util.List;

/**
 * Outgoing port: publishes payment outcomes ({@code payments.events}). Each method returns once the
 * outcome is safely stored, and gives the same outcome of the same source event the same id.
 */
public interface PaymentOutcomePort {

  /** "About to authorize": published before Stripe is called. */
  void authorizationStarted(EventContext source, String reservationCode, String idempotencyKey);

  /** Publishes what Stripe answered to {@code operation}, with the calls it took. */
  void publish(
      EventContext source,
      String reservationCode,
      PaymentOperation operation,
      PaymentOutcome outcome,
      List<HttpExchange> calls);
}
