package com.reservas.notification.application.port.out;

import java.time.Duration;

/** Outgoing port: counts deliveries by outcome and times them. */
public interface DeliveryMetrics {

  /** Outcomes of one attempt. */
  enum Outcome {
    DELIVERED,
    RETRYING,
    GAVE_UP
  }

  /** One attempt ended with {@code outcome} after {@code duration}. */
  void attempted(Outcome outcome, Duration duration);
}
