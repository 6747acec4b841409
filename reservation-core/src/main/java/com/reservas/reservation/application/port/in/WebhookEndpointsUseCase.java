package com.reservas.reservation.application.port.in;

import com.reservas.reservation.application.port.out.WebhookDeliveryStore.Attempt;
import com.reservas.reservation.domain.webhook.WebhookEndpoint;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A client registers, lists and removes its webhook endpoints and follows their deliveries. */
public interface WebhookEndpointsUseCase {

  /** What a registration answers. */
  sealed interface Registration {}

  /** Registered; {@code secret} is shown this once. */
  record Registered(WebhookEndpoint endpoint, String secret) implements Registration {}

  /** The request is invalid: every field at fault. */
  record Invalid(List<FieldError> errors) implements Registration {}

  /** The client has {@code limit} endpoints already. */
  record LimitReached(int limit) implements Registration {}

  /**
   * Registers {@code url} for {@code events}. {@code structural} are the errors the caller found
   * reading the request; a field named there is not checked again (its value may be null).
   */
  Mono<Registration> register(
      String clientId, String url, List<String> events, List<FieldError> structural);

  /** The client's endpoints. */
  Flux<WebhookEndpoint> list(String clientId);

  /** Removes the client's endpoint; {@code false} when it is not the client's. */
  Mono<Boolean> delete(String clientId, String id);

  /** The endpoint's recent attempts; empty when the endpoint is not the client's. */
  Mono<List<Attempt>> deliveries(String clientId, String id);

  /** Delivers the event again; {@code false} when the endpoint or the event is not the client's. */
  Mono<Boolean> redeliver(String clientId, String id, String eventId);
}
