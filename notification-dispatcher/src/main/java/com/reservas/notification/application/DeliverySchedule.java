package com.reservas.notification.application;

import com.reservas.consumer.support.loop.EventSource;
import com.reservas.consumer.support.loop.OutcomePort;
import com.reservas.notification.domain.WebhookPayload;
import com.reservas.reservation.application.port.out.WebhookDeliveryStore;
import com.reservas.reservation.application.port.out.WebhookDeliveryStore.Delivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Where the step's notices go: a due delivery in the database, keyed by endpoint and event id, so a
 * record read again (a restart before the offset commit) records nothing new. The webhook's id is
 * the reservation event's id, the same for every endpoint and every attempt.
 */
public final class DeliverySchedule implements OutcomePort<WebhookNotice> {

  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

  private final WebhookDeliveryStore deliveries;
  private final Clock clock;

  public DeliverySchedule(WebhookDeliveryStore deliveries, Clock clock) {
    this.deliveries = deliveries;
    this.clock = clock;
  }

  @Override
  public String publish(EventSource source, WebhookNotice notice) {
    Instant now = clock.instant();
    deliveries
        .schedule(
            new Delivery(
                notice.endpointId(),
                source.eventId(),
                notice.change().code(),
                notice.change().version(),
                WebhookPayload.json(source.eventId(), now, notice.change()),
                0,
                now,
                now))
        .block(WRITE_TIMEOUT);
    return "WebhookDeliveryScheduled";
  }
}
