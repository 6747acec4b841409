package com.reservas.consumer.support.loop;

/**
 * Outgoing port: publishes a consumer's outcomes. Returns once the outcome is stored, and gives the
 * same outcome of the same source the same id, so a redelivered event is applied once downstream.
 *
 * @param <O> the consumer's outcomes
 */
@FunctionalInterface
public interface OutcomePort<O> {

  /**
   * Publishes {@code outcome}, which answers {@code source}.
   *
   * @return the type of the event published, e.g. {@code PaymentAuthorized}, for logs
   */
  String publish(EventSource source, O outcome);
}
