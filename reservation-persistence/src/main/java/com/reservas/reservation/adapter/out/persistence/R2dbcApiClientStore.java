package com.reservas.reservation.adapter.out.persistence;

import com.reservas.reservation.application.port.out.ApiClientStore;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code api_client} table. */
public final class R2dbcApiClientStore implements ApiClientStore {

  private static final String COLUMNS =
      "id, name, revoked, created_at, creations_per_second, reads_per_second";

  private final DatabaseClient db;

  public R2dbcApiClientStore(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<StoredApiClient> findActive(String keyHash) {
    return db.sql(
            "SELECT " + COLUMNS + " FROM api_client WHERE key_hash = :hash AND revoked = FALSE")
        .bind("hash", keyHash)
        .map(R2dbcApiClientStore::client)
        .one();
  }

  @Override
  public Mono<Void> createIfAbsent(String id, String name, String keyHash, Instant now) {
    return insert(id, name, keyHash, now, " ON DUPLICATE KEY UPDATE id = id").then();
  }

  @Override
  public Mono<Boolean> create(String id, String name, String keyHash, Instant now) {
    return insert(id, name, keyHash, now, "")
        .map(rows -> rows > 0)
        .onErrorResume(DataIntegrityViolationException.class, taken -> Mono.just(false));
  }

  @Override
  public Mono<Boolean> rotateKey(String id, String keyHash) {
    return db.sql("UPDATE api_client SET key_hash = :hash, revoked = FALSE WHERE id = :id")
        .bind("id", id)
        .bind("hash", keyHash)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  @Override
  public Flux<StoredApiClient> list() {
    return db.sql("SELECT " + COLUMNS + " FROM api_client ORDER BY created_at, id")
        .map(R2dbcApiClientStore::client)
        .all();
  }

  @Override
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
    return spec.fetch().rowsUpdated().flatMap(rows -> rows > 0 ? Mono.just(true) : exists(id));
  }

  @Override
  public Mono<Boolean> revoke(String id) {
    return db.sql("UPDATE api_client SET revoked = TRUE WHERE id = :id")
        .bind("id", id)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  private Mono<Long> insert(
      String id, String name, String keyHash, Instant now, String onDuplicate) {
    return db.sql(
            "INSERT INTO api_client (id, name, key_hash, revoked, created_at)"
                + " VALUES (:id, :name, :hash, FALSE, :now)"
                + onDuplicate)
        .bind("id", id)
        .bind("name", name)
        .bind("hash", keyHash)
        .bind("now", LocalDateTime.ofInstant(now, ZoneOffset.UTC))
        .fetch()
        .rowsUpdated();
  }

  private Mono<Boolean> exists(String id) {
    return db.sql("SELECT COUNT(*) AS n FROM api_client WHERE id = :id")
        .bind("id", id)
        .map(row -> row.get("n", Long.class))
        .one()
        .map(count -> count > 0);
  }

  private static StoredApiClient client(Readable row) {
    return new StoredApiClient(
        row.get("id", String.class),
        row.get("name", String.class),
        Boolean.TRUE.equals(row.get("revoked", Boolean.class)),
        row.get("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
        row.get("creations_per_second", Integer.class),
        row.get("reads_per_second", Integer.class));
  }
}
