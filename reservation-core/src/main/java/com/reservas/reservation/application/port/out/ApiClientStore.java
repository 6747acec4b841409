package com.reservas.reservation.application.port.out;

import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The API clients (partners and the platform's own applications) and their keys as stored: looked
 * up by key hash when a request authenticates, managed by operators. Keys are never stored, only
 * their hashes.
 */
public interface ApiClientStore {

  /**
   * One client as stored.
   *
   * @param creationsPerSecond its own quota of creations, or null for the default
   * @param readsPerSecond its own quota of reads, or null for the default
   */
  record StoredApiClient(
      String id,
      String name,
      boolean revoked,
      Instant createdAt,
      Integer creationsPerSecond,
      Integer readsPerSecond) {}

  /** The client with this key hash unless it is revoked; empty when unknown or revoked. */
  Mono<StoredApiClient> findActive(String keyHash);

  /** Creates the client unless its id exists, and leaves an existing one as it is. */
  Mono<Void> createIfAbsent(String id, String name, String keyHash, Instant now);

  /** Creates a new client; {@code false} when the id is taken. */
  Mono<Boolean> create(String id, String name, String keyHash, Instant now);

  /** Gives the client a new key hash and lifts a revocation; {@code false} for an unknown id. */
  Mono<Boolean> rotateKey(String id, String keyHash);

  /** Every client, oldest first. */
  Flux<StoredApiClient> list();

  /** Sets the client's own quota (null parts: the default); {@code false} for an unknown id. */
  Mono<Boolean> setQuota(String id, Integer creationsPerSecond, Integer readsPerSecond);

  /** Revokes the client's key; {@code false} for an unknown id. */
  Mono<Boolean> revoke(String id);
}
