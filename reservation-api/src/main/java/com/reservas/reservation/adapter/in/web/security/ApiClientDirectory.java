package com.reservas.reservation.adapter.in.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Looks API clients up by key hash, with a short cache so authentication costs no query on most
 * requests; a revoked key stops working within the cache's lifetime.
 */
public final class ApiClientDirectory {

  private static final int MAX_CACHED = 10_000;

  private final DatabaseClient db;
  private final Clock clock;
  private final Duration cacheFor;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(AuthenticatedClient client, Instant until) {}

  /** What operators see of a client: never its key, nor the key's hash. */
  public record ClientSummary(String id, String name, boolean revoked, Instant createdAt) {}

  public ApiClientDirectory(DatabaseClient db, Clock clock, Duration cacheFor) {
    this.db = db;
    this.clock = clock;
    this.cacheFor = cacheFor;
  }

  /** The active (not revoked) client with this key hash; empty when unknown or revoked. */
  public Mono<AuthenticatedClient> findActive(String keyHash) {
    Cached cached = cache.get(keyHash);
    Instant now = clock.instant();
    if (cached != null && cached.until().isAfter(now)) {
      return Mono.justOrEmpty(cached.client());
    }
    return db.sql("SELECT id, name FROM api_client WHERE key_hash = :hash AND revoked = FALSE")
        .bind("hash", keyHash)
        .map(
            row ->
                new AuthenticatedClient(row.get("id", String.class), row.get("name", String.class)))
        .one()
        .doOnNext(client -> remember(keyHash, client, now));
  }

  /** Creates the client or rotates its key; used for seeding and by operators. */
  public Mono<Void> register(String id, String name, String keyHash) {
    return db.sql(
            """
            INSERT INTO api_client (id, name, key_hash, revoked, created_at)
            VALUES (:id, :name, :hash, FALSE, :now)
            ON DUPLICATE KEY UPDATE name = VALUES(name), key_hash = VALUES(key_hash), revoked = FALSE
            """)
        .bind("id", id)
        .bind("name", name)
        .bind("hash", keyHash)
        .bind("now", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .then()
        .doOnSuccess(done -> cache.clear());
  }

  /** Creates a new client; emits {@code false} when the id is already taken. */
  public Mono<Boolean> create(String id, String name, String keyHash) {
    return db.sql(
            """
            INSERT INTO api_client (id, name, key_hash, revoked, created_at)
            VALUES (:id, :name, :hash, FALSE, :now)
            """)
        .bind("id", id)
        .bind("name", name)
        .bind("hash", keyHash)
        .bind("now", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0)
        .onErrorResume(DataIntegrityViolationException.class, taken -> Mono.just(false));
  }

  /**
   * Gives an existing client a new key (and lifts a revocation): the old key stops working at once
   * on this instance. Emits {@code false} for an unknown client.
   */
  public Mono<Boolean> rotate(String id, String keyHash) {
    return db.sql("UPDATE api_client SET key_hash = :hash, revoked = FALSE WHERE id = :id")
        .bind("id", id)
        .bind("hash", keyHash)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0)
        .doOnSuccess(done -> cache.clear());
  }

  /** Every client, oldest first. */
  public Flux<ClientSummary> list() {
    return db.sql("SELECT id, name, revoked, created_at FROM api_client ORDER BY created_at, id")
        .map(
            row ->
                new ClientSummary(
                    row.get("id", String.class),
                    row.get("name", String.class),
                    Boolean.TRUE.equals(row.get("revoked", Boolean.class)),
                    row.get("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)))
        .all();
  }

  /** Revokes the client's key at once in this instance, within the cache lifetime elsewhere. */
  public Mono<Boolean> revoke(String id) {
    return db.sql("UPDATE api_client SET revoked = TRUE WHERE id = :id")
        .bind("id", id)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0)
        .doOnSuccess(done -> cache.clear());
  }

  private void remember(String keyHash, AuthenticatedClient client, Instant now) {
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(keyHash, new Cached(client, now.plus(cacheFor)));
  }
}
