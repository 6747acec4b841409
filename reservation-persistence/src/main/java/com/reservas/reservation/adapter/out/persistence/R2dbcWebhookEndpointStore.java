package com.reservas.reservation.adapter.out.persistence;

import com.reservas.reservation.application.port.out.WebhookEndpointStore;
import com.reservas.reservation.domain.webhook.WebhookEndpoint;
import com.reservas.schemas.seal.TokenSeal;
import io.r2dbc.spi.Readable;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code webhook_endpoint} table. Secrets are sealed (AES-256-GCM, the endpoint id as the
 * authenticated context) with the webhook key, so a copy of the table or a backup signs nothing.
 */
public final class R2dbcWebhookEndpointStore implements WebhookEndpointStore {

  private static final String COLUMNS = "id, client_id, url, events, enabled, created_at";

  private final DatabaseClient db;
  private final TokenSeal seal;

  public R2dbcWebhookEndpointStore(DatabaseClient db, TokenSeal seal) {
    this.db = db;
    this.seal = seal;
  }

  @Override
  public Mono<Boolean> insert(WebhookEndpoint endpoint, String secret, int limit) {
    // One statement: the count and the insert are one decision. InnoDB locks the client's range
    // of the index it counts, so registrations racing for the last places never pass the limit;
    // two of them can deadlock on those locks, and the victim (rolled back) is run again.
    return db.sql(
            """
            INSERT INTO webhook_endpoint
              (id, client_id, url, events, secret_sealed, enabled, created_at)
            SELECT :id, :client, :url, :events, :secret, TRUE, :createdAt FROM DUAL
            WHERE (SELECT COUNT(*) FROM webhook_endpoint WHERE client_id = :client) < :limit
            """)
        .bind("id", endpoint.id())
        .bind("client", endpoint.clientId())
        .bind("url", endpoint.url())
        .bind("events", String.join(",", endpoint.events()))
        .bind("secret", seal.seal(endpoint.id(), secret))
        .bind("createdAt", UtcTimes.toColumn(endpoint.createdAt()))
        .bind("limit", limit)
        .fetch()
        .rowsUpdated()
        .retryWhen(ReactiveTransactionRunner.onDeadlock())
        .map(rows -> rows > 0);
  }

  @Override
  public Flux<WebhookEndpoint> listOf(String clientId) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM webhook_endpoint WHERE client_id = :client ORDER BY created_at, id")
        .bind("client", clientId)
        .map(R2dbcWebhookEndpointStore::endpoint)
        .all();
  }

  @Override
  public Mono<WebhookEndpoint> find(String clientId, String id) {
    return db.sql(
            "SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = :id AND client_id = :client")
        .bind("id", id)
        .bind("client", clientId)
        .map(R2dbcWebhookEndpointStore::endpoint)
        .one();
  }

  @Override
  public Mono<WebhookEndpoint> byId(String id) {
    return db.sql("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = :id")
        .bind("id", id)
        .map(R2dbcWebhookEndpointStore::endpoint)
        .one();
  }

  @Override
  public Flux<WebhookEndpoint> subscribed(String clientId, String eventType) {
    return listOf(clientId).filter(e -> e.enabled() && e.events().contains(eventType));
  }

  @Override
  public Mono<String> secretOf(String id) {
    return db.sql("SELECT secret_sealed FROM webhook_endpoint WHERE id = :id")
        .bind("id", id)
        .map(row -> row.get("secret_sealed", String.class))
        .one()
        .map(stored -> seal.open(id, stored));
  }

  @Override
  public Mono<Boolean> delete(String clientId, String id) {
    return db.sql("DELETE FROM webhook_endpoint WHERE id = :id AND client_id = :client")
        .bind("id", id)
        .bind("client", clientId)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  @Override
  public Mono<Void> disable(String id) {
    return db.sql(
            "UPDATE webhook_endpoint SET enabled = FALSE, disabled_at = UTC_TIMESTAMP(6)"
                + " WHERE id = :id AND enabled = TRUE")
        .bind("id", id)
        .fetch()
        .rowsUpdated()
        .then();
  }

  private static WebhookEndpoint endpoint(Readable row) {
    String events = row.get("events", String.class);
    List<String> types = events.isEmpty() ? List.of() : Arrays.asList(events.split(","));
    return new WebhookEndpoint(
        row.get("id", String.class),
        row.get("client_id", String.class),
        row.get("url", String.class),
        types,
        Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
        UtcTimes.fromColumn(row.get("created_at", LocalDateTime.class)));
  }
}
