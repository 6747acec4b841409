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
 * requests; a revoked key or a changed quota takes effect within the cache's lifetime (at once on
 * the instance that changed it).
 */
public final class ApiClientDirectory {

  private static final int MAX_CACHED = 10_000;

  private final DatabaseClient db;
  private final Clock clock;
  private final Duration cacheFor;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(AuthenticatedClient client, Instant until) {}

  /**
   * What operators see of a client: never its key, nor the key's hash; its quota as it applies (its
   * own or the default, {@code defaultQuota} saying which).
   */
  public record ClientSummary(
      String id,
      String name,
      boolean revoked,
      Instant createdAt,
      int creationsPerSecond,
      int readsPerSecond,
      boolean defaultQuota) {}

  private final ClientQuota defaultQuota;

  public ApiClientDirectory(
      DatabaseClient db, Clock clock, Duration cacheFor, ClientQuota defaultQuota) {
    this.db = db;
    this.clock = clock;
    this.cacheFor = cacheFor;
    this.defaultQuota = defaultQuota;
  }

  /** The active (not revoked) client with this key hash; empty when unknown or revoked. */
  public Mono<AuthenticatedClient> findActive(String keyHash) {
    Cached cached = cache.get(keyHash);
    Instant now = clock.instant();
    if (cached != null && cached.until().isAfter(now)) {
      return Mono.justOrEmpty(cached.client());
    }
    return db.sql(
            """
            SELECT id, name, creations_per_second, reads_per_second FROM api_client
            WHERE key_hash = :hash AND revoked = FALSE
            """)
        .bind("hash", keyHash)
        .map(
            row ->
                new AuthenticatedClient(
                    row.get("id", String.class),
                    row.get("name", String.class),
                    ClientQuota.of(
                        row.get("creations_per_second", Integer.class),
                        row.get("reads_per_second", Integer.class),
                        defaultQuota)))
        .one()
        .doOnNext(client -> remember(keyHash, client, now));
  }

  /**
   * Creates a demo client of the local run if it does not exist yet, and otherwise leaves it as it
   * is: an operator's revocation or new key outlives a restart (the local profile seeds clients
   * with published keys; see {@link SecurityProperties#seedClients()}).
   */
  public Mono<Void> seed(String id, String name, String keyHash) {
    return db.sql(
            """
            INSERT INTO api_client (id, name, key_hash, revoked, created_at)
            VALUES (:id, :name, :hash, FALSE, :now)
            ON DUPLICATE KEY UPDATE id = id
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
    return db.sql(
            """
            SELECT id, name, revoked, created_at, creations_per_second, reads_per_second
            FROM api_client ORDER BY created_at, id
            """)
        .map(
            row -> {
              Integer creations = row.get("creations_per_second", Integer.class);
              Integer reads = row.get("reads_per_second", Integer.class);
              ClientQuota quota = ClientQuota.of(creations, reads, defaultQuota);
              return new ClientSummary(
                  row.get("id", String.class),
                  row.get("name", String.class),
                  Boolean.TRUE.equals(row.get("revoked", Boolean.class)),
                  row.get("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                  quota.creationsPerSecond(),
                  quota.readsPerSecond(),
                  creations == null && reads == null);
            })
        .all();
  }

  /**
   * Gives a client its own quota ({@code null} for either part: back to the default): at once on
   * this instance, within the cache lifetime on the others. Emits {@code false} for an unknown
   * client.
   */
  public Mono<Boolean> setQuota(String id, Integer creationsPerSecond, Integer readsPerSecond) {
    var spec =
        db.sql(
                """
                UPDATE api_client
                SET creations_per_second = :creations, reads_per_second = :reads
                WHERE id = :id
                """)
            .bind("id", id);
    spec =
        creationsPerSecond == null
            ? spec.bindNull("creations", Integer.class)
            : spec.bind("creations", creationsPerSecond);
    spec =
        readsPerSecond == null
            ? spec.bindNull("reads", Integer.class)
            : spec.bind("reads", readsPerSecond);
    // An update that changes nothing may count no rows: then the client's existence decides.
    return spec.fetch()
        .rowsUpdated()
        .flatMap(rows -> rows > 0 ? Mono.just(true) : exists(id))
        .doOnSuccess(done -> cache.clear());
  }

  private Mono<Boolean> exists(String id) {
    return db.sql("SELECT COUNT(*) AS n FROM api_client WHERE id = :id")
        .bind("id", id)
        .map(row -> row.get("n", Long.class))
        .one()
        .map(count -> count > 0);
  }

  /** The quota of a client without one of its own. */
  public ClientQuota defaultQuota() {
    return defaultQuota;
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
