package com.reservas.reservation.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The durable schedule of webhook deliveries: one row per endpoint and event (recorded once,
 * however often the event is read), and one row per attempt.
 */
public interface WebhookDeliveryStore {

  /** A delivery to make or made. */
  record Delivery(
      String endpointId,
      String eventId,
      String reservationCode,
      long sequence,
      String payload,
      int attempts,
      Instant createdAt,
      Instant nextAttemptAt) {}

  /** One attempt as shown to the endpoint's owner. */
  record Attempt(
      String eventId,
      String reservationCode,
      int attempt,
      Instant at,
      Optional<Integer> statusCode,
      Optional<String> error,
      long durationMillis,
      Optional<Instant> nextRetryAt) {}

  /** Records {@code delivery} as due; a delivery already recorded is left as it is. */
  Mono<Void> schedule(Delivery delivery);

  /**
   * The queues of pending deliveries whose head is due at {@code now}: at most {@code limit} queues
   * (one per endpoint and reservation, the longest-waiting first), each whole and in order, its
   * deliveries next to each other. A later change waits for the earlier one: the sender takes a
   * queue in order and stops at the first delivery that fails or is not due yet.
   */
  Flux<Delivery> due(Instant now, int limit);

  /** Records a successful attempt: the delivery is done. */
  Mono<Void> succeeded(Delivery delivery, Attempt attempt);

  /** Records a failed attempt; the delivery is retried at {@code nextAttemptAt}. */
  Mono<Void> retryLater(Delivery delivery, Attempt attempt, Instant nextAttemptAt);

  /** Records a failed attempt after which the delivery is given up. */
  Mono<Void> gaveUp(Delivery delivery, Attempt attempt);

  /** The most recent attempts at the endpoint's deliveries, newest first. */
  Flux<Attempt> recentAttempts(String endpointId, int limit);

  /**
   * Makes the endpoint's delivery of {@code eventId} due again now (delivered, given up or
   * pending); {@code false} when the endpoint never had that event.
   */
  Mono<Boolean> redeliver(String endpointId, String eventId, Instant now);

  /** How many deliveries wait, per endpoint id. */
  Mono<List<Backlog>> backlog();

  /** The pending deliveries of one endpoint. */
  record Backlog(String endpointId, long pending) {}
}
