package com.reservas.notification.adapter.out.http;

import com.reservas.notification.application.port.out.DeliveryMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code reservas.webhook.deliveries} (timer, tag {@code outcome}: delivered, retrying, gave_up):
 * its count is the deliveries by outcome, its histogram the latency of the attempts.
 */
public final class MicrometerDeliveryMetrics implements DeliveryMetrics {

  private final Map<Outcome, Timer> timers = new EnumMap<>(Outcome.class);

  public MicrometerDeliveryMetrics(MeterRegistry registry) {
    for (Outcome outcome : Outcome.values()) {
      timers.put(
          outcome,
          Timer.builder("reservas.webhook.deliveries")
              .description("Webhook delivery attempts by outcome, and how long they took")
              .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
              .publishPercentileHistogram()
              .register(registry));
    }
  }

  @Override
  public void attempted(Outcome outcome, Duration duration) {
    timers.get(outcome).record(duration);
  }
}
