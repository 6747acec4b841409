package com.reservas.reservation.domain.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A URL a client registered to hear about its reservations. The secret is not part of it: it is
 * shown once at registration and read only by the dispatcher that signs with it.
 *
 * @param id the endpoint's id (a UUID)
 * @param clientId the API client that registered it; only its reservations are delivered to it
 * @param url where deliveries are posted
 * @param events the event types it receives ({@value WebhookEvents#STATUS_CHANGED})
 * @param enabled false once it failed for the whole retry period
 * @param createdAt when it was registered
 */
public record WebhookEndpoint(
    String id,
    String clientId,
    String url,
    List<String> events,
    boolean enabled,
    Instant createdAt) {

  /** Validates. */
  public WebhookEndpoint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(url, "url");
    events = List.copyOf(events);
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
