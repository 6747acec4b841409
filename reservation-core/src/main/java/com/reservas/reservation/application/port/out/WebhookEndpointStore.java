package com.reservas.reservation.application.port.out;

import com.reservas.reservation.domain.webhook.WebhookEndpoint;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The registered webhook endpoints. The secret goes in with the endpoint and comes out only through
 * {@link #secretOf}; the adapter keeps it encrypted at rest.
 */
public interface WebhookEndpointStore {

  /**
   * Stores {@code endpoint} with {@code secret} unless its client already has {@code limit}
   * endpoints; {@code false} then. The count and the insert are one decision, so concurrent
   * registrations cannot pass the limit together.
   */
  Mono<Boolean> insert(WebhookEndpoint endpoint, String secret, int limit);

  /** The client's endpoints, oldest first. */
  Flux<WebhookEndpoint> listOf(String clientId);

  /** The client's endpoint with this id; empty when it does not exist or is another client's. */
  Mono<WebhookEndpoint> find(String clientId, String id);

  /** The endpoint with this id, whoever's it is (for the dispatcher). */
  Mono<WebhookEndpoint> byId(String id);

  /** The enabled endpoints of a client subscribed to {@code eventType}. */
  Flux<WebhookEndpoint> subscribed(String clientId, String eventType);

  /** The endpoint's secret, in clear; empty for an unknown endpoint. */
  Mono<String> secretOf(String id);

  /**
   * Deletes the client's endpoint and its deliveries; {@code false} when it was not the client's.
   */
  Mono<Boolean> delete(String clientId, String id);

  /** Disables the endpoint (it failed for the whole retry period). */
  Mono<Void> disable(String id);
}
