package com.reservas.reservation.adapter.in.web.security;

import com.reservas.reservation.application.port.out.ApiClientStore;
import com.reservas.reservation.application.port.out.ApiClientStore.StoredApiClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Looks API clients up by key hash, with a short cache so authentication costs no query on most
 * requests; a revoked key or a changed quota takes effect within the cache's lifetime (at once on
 * the instance that changed it). The clients themselves are kept by the {@link ApiClientStore}.
 */
public final class ApiClientDirectory {

  private static final int MAX_CACHED = 10_000;

  private final ApiClientStore store;
  private final Clock clock;
  private final Duration cacheFor;
  private final ClientQuota defaultQuota;
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

  public ApiClientDirectory(
      ApiClientStore store, Clock clock, Duration cacheFor, ClientQuota defaultQuota) {
    this.store = store;
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
    return store
        .findActive(keyHash)
        .map(
            client ->
                new AuthenticatedClient(
                    client.id(),
                    client.name(),
                    ClientQuota.of(
                        client.creationsPerSecond(), client.readsPerSecond(), defaultQuota)))
        .doOnNext(client -> remember(keyHash, client, now));
  }

  /**
   * Creates a demo client of the local run if it does not exist yet, and otherwise leaves it as it
   * is: an operator's revocation or new key outlives a restart (the local profile seeds clients
   * with published keys; see {@link SecurityProperties#seedClients()}).
   */
  public Mono<Void> seed(String id, String name, String keyHash) {
    return store
        .createIfAbsent(id, name, keyHash, clock.instant())
        .doOnSuccess(done -> cache.clear());
  }

  /** Creates a new client; emits {@code false} when the id is already taken. */
  public Mono<Boolean> create(String id, String name, String keyHash) {
    return store.create(id, name, keyHash, clock.instant());
  }

  /**
   * Gives an existing client a new key (and lifts a revocation): the old key stops working at once
   * on this instance. Emits {@code false} for an unknown client.
   */
  public Mono<Boolean> rotate(String id, String keyHash) {
    return store.rotateKey(id, keyHash).doOnSuccess(done -> cache.clear());
  }

  /** Every client, oldest first. */
  public Flux<ClientSummary> list() {
    return store.list().map(this::summary);
  }

  /**
   * Gives a client its own quota ({@code null} for either part: back to the default): at once on
   * this instance, within the cache lifetime on the others. Emits {@code false} for an unknown
   * client.
   */
  public Mono<Boolean> setQuota(String id, Integer creationsPerSecond, Integer readsPerSecond) {
    return store
        .setQuota(id, creationsPerSecond, readsPerSecond)
        .doOnSuccess(done -> cache.clear());
  }

  /** The quota of a client without one of its own. */
  public ClientQuota defaultQuota() {
    return defaultQuota;
  }

  /** Revokes the client's key at once in this instance, within the cache lifetime elsewhere. */
  public Mono<Boolean> revoke(String id) {
    return store.revoke(id).doOnSuccess(done -> cache.clear());
  }

  private ClientSummary summary(StoredApiClient client) {
    ClientQuota quota =
        ClientQuota.of(client.creationsPerSecond(), client.readsPerSecond(), defaultQuota);
    return new ClientSummary(
        client.id(),
        client.name(),
        client.revoked(),
        client.createdAt(),
        quota.creationsPerSecond(),
        quota.readsPerSecond(),
        client.creationsPerSecond() == null && client.readsPerSecond() == null);
  }

  private void remember(String keyHash, AuthenticatedClient client, Instant now) {
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(keyHash, new Cached(client, now.plus(cacheFor)));
  }
}
