package com.reservas.notification.application;

import com.reservas.consumer.support.loop.Decision;
import com.reservas.consumer.support.loop.ReservationStep;
import com.reservas.notification.domain.ReservationChange;
import com.reservas.reservation.application.port.out.WebhookEndpointStore;
import com.reservas.reservation.domain.webhook.WebhookEndpoint;
import com.reservas.reservation.domain.webhook.WebhookEvents;
import java.time.Duration;
import java.util.List;

/**
 * The dispatcher's step of the consumer loop: every change of a reservation (not a reminder, which
 * re-announces an unchanged status) becomes one notice per enabled endpoint of the reservation's
 * client. Sending is not done here: the notices are recorded (see {@link DeliverySchedule}) and
 * {@link DispatchDueDeliveries} sends them, so a slow partner never holds back the topic.
 */
public final class RecordDeliveriesStep
    implements ReservationStep<ReservationChange, ReservationChange, WebhookNotice> {

  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);

  private final WebhookEndpointStore endpoints;

  public RecordDeliveriesStep(WebhookEndpointStore endpoints) {
    this.endpoints = endpoints;
  }

  @Override
  public Decision<ReservationChange> decide(ReservationChange change, boolean reminder) {
    return reminder
        ? Decision.skip("a reminder re-announces an unchanged status")
        : Decision.act(change, change.code() + " is " + change.status());
  }

  @Override
  public void carryOut(
      ReservationChange reservation, ReservationChange change, Outcomes<WebhookNotice> outcomes) {
    List<WebhookEndpoint> subscribed =
        endpoints
            .subscribed(change.clientId(), WebhookEvents.STATUS_CHANGED)
            .collectList()
            .block(LOOKUP_TIMEOUT);
    for (WebhookEndpoint endpoint : subscribed == null ? List.<WebhookEndpoint>of() : subscribed) {
      outcomes.publish(new WebhookNotice(endpoint.id(), change));
    }
  }
}
