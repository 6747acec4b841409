package com.reservas.notification.application;

import com.reservas.notification.application.port.out.DeliveryMetrics;
import com.reservas.notification.application.port.out.DeliveryMetrics.Outcome;
import com.reservas.notification.application.port.out.WebhookSender;
import com.reservas.notification.application.port.out.WebhookSender.SendResult;
import com.reservas.notification.domain.RetryPolicy;
import com.reservas.reservation.application.port.out.WebhookDeliveryStore;
import com.reservas.reservation.application.port.out.WebhookDeliveryStore.Attempt;
import com.reservas.reservation.application.port.out.WebhookDeliveryStore.Delivery;
import com.reservas.reservation.application.port.out.WebhookEndpointStore;
import com.reservas.reservation.domain.webhook.WebhookSignature;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One round of sending: the queues of due deliveries (one per endpoint and reservation, the
 * longest-waiting first), each sent in order, a delivery only after the one before it succeeded,
 * the queues concurrently, so a failing reservation or partner holds back no other and a
 * reservation's changes recorded together go out in one round. Each attempt is recorded; a failure
 * is rescheduled by the {@link RetryPolicy} and ends its queue's round, and a delivery failing for
 * the whole period is given up and its endpoint disabled.
 */
public final class DispatchDueDeliveries {

  /** The header that carries the event id, for the receiver's deduplication. */
  public static final String EVENT_ID_HEADER = "Reservas-Event-Id";

  private final WebhookDeliveryStore deliveries;
  private final WebhookEndpointStore endpoints;
  private final WebhookSender sender;
  private final DeliveryMetrics metrics;
  private final RetryPolicy retries;
  private final Clock clock;
  private final int batchSize;
  private final int concurrency;

  public DispatchDueDeliveries(
      WebhookDeliveryStore deliveries,
      WebhookEndpointStore endpoints,
      WebhookSender sender,
      DeliveryMetrics metrics,
      RetryPolicy retries,
      Clock clock,
      int batchSize,
      int concurrency) {
    this.deliveries = deliveries;
    this.endpoints = endpoints;
    this.sender = sender;
    this.metrics = metrics;
    this.retries = retries;
    this.clock = clock;
    this.batchSize = batchSize;
    this.concurrency = concurrency;
  }

  /** Sends what is due now; completes with the number of attempts made. */
  public Mono<Long> runOnce() {
    Instant now = clock.instant();
    Map<String, Mono<Signer>> signers = new ConcurrentHashMap<>();
    return deliveries
        .due(now, batchSize)
        .bufferUntilChanged(d -> d.endpointId() + " " + d.reservationCode())
        .flatMap(queue -> sendInOrder(queue, now, signers), concurrency)
        .reduce(0L, Long::sum);
  }

  /** Sends {@code queue} in order until a delivery fails or is not due; returns the attempts. */
  private Mono<Long> sendInOrder(
      List<Delivery> queue, Instant now, Map<String, Mono<Signer>> signers) {
    Mono<Signer> signer =
        signers.computeIfAbsent(queue.get(0).endpointId(), id -> signerOf(id).cache());
    return Flux.fromIterable(queue)
        .takeWhile(delivery -> !delivery.nextAttemptAt().isAfter(now))
        .concatMap(delivery -> signer.flatMap(s -> deliver(delivery, s)))
        .takeUntil(succeeded -> !succeeded)
        .count();
  }

  /** The endpoint's URL and secret, read once per round; empty when it was deleted. */
  private Mono<Signer> signerOf(String endpointId) {
    return endpoints
        .byId(endpointId)
        .zipWith(endpoints.secretOf(endpointId), (e, secret) -> new Signer(e.url(), secret));
  }

  private Mono<Boolean> deliver(Delivery delivery, Signer signer) {
    long t = clock.instant().getEpochSecond();
    Map<String, String> headers =
        Map.of(
            EVENT_ID_HEADER,
            delivery.eventId(),
            WebhookSignature.HEADER,
            WebhookSignature.header(signer.secret(), t, delivery.payload()));
    Instant started = clock.instant();
    return sender
        .send(delivery.endpointId(), signer.url(), headers, delivery.payload())
        .flatMap(result -> record(delivery, started, result).thenReturn(result.succeeded()));
  }

  private Mono<Void> record(Delivery delivery, Instant started, SendResult result) {
    int attempt = delivery.attempts() + 1;
    Instant now = clock.instant();
    if (result.succeeded()) {
      metrics.attempted(Outcome.DELIVERED, result.duration());
      return deliveries.succeeded(delivery, attempt(delivery, attempt, started, result, null));
    }
    Optional<Instant> next =
        retries.nextAttempt(
            attempt, delivery.createdAt(), now, () -> ThreadLocalRandom.current().nextDouble());
    if (next.isPresent()) {
      metrics.attempted(Outcome.RETRYING, result.duration());
      return deliveries.retryLater(
          delivery, attempt(delivery, attempt, started, result, next.get()), next.get());
    }
    metrics.attempted(Outcome.GAVE_UP, result.duration());
    return deliveries
        .gaveUp(delivery, attempt(delivery, attempt, started, result, null))
        .then(endpoints.disable(delivery.endpointId()));
  }

  private record Signer(String url, String secret) {}

  private static Attempt attempt(
      Delivery delivery, int attempt, Instant started, SendResult result, Instant next) {
    return new Attempt(
        delivery.eventId(),
        delivery.reservationCode(),
        attempt,
        started,
        result.statusCode(),
        result.error(),
        result.duration().toMillis(),
        Optional.ofNullable(next));
  }
}
