package com.reservas.reservation.adapter.in.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.reservas.reservation.application.port.out.ApiClientStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The directory's cache and quota rules over an in-memory store. */
class ApiClientDirectoryTest {

  private static final ClientQuota DEFAULTS = new ClientQuota(20, 100);

  /** The store as a map by id; counts the lookups by key hash. */
  static final class InMemoryStore implements ApiClientStore {
    final Map<String, StoredApiClient> byId = new LinkedHashMap<>();
    final Map<String, String> keyHashById = new LinkedHashMap<>();
    final AtomicInteger lookups = new AtomicInteger();

    @Override
    public Mono<StoredApiClient> findActive(String keyHash) {
      lookups.incrementAndGet();
      return Mono.justOrEmpty(
          byId.values().stream()
              .filter(c -> keyHash.equals(keyHashById.get(c.id())) && !c.revoked())
              .findFirst());
    }

    @Override
    public Mono<Void> createIfAbsent(String id, String name, String keyHash, Instant now) {
      return create(id, name, keyHash, now).then();
    }

    @Override
    public Mono<Boolean> create(String id, String name, String keyHash, Instant now) {
      if (byId.containsKey(id)) {
        return Mono.just(false);
      }
      byId.put(id, new StoredApiClient(id, name, false, now, null, null));
      keyHashById.put(id, keyHash);
      return Mono.just(true);
    }

    @Override
    public Mono<Boolean> rotateKey(String id, String keyHash) {
      return update(
          id,
          c -> {
            keyHashById.put(id, keyHash);
            return new StoredApiClient(
                id, c.name(), false, c.createdAt(), c.creationsPerSecond(), c.readsPerSecond());
          });
    }

    @Override
    public Flux<StoredApiClient> list() {
      return Flux.fromIterable(byId.values());
    }

    @Override
    public Mono<Boolean> setQuota(String id, Integer creations, Integer reads) {
      return update(
          id, c -> new StoredApiClient(id, c.name(), c.revoked(), c.createdAt(), creations, reads));
    }

    @Override
    public Mono<Boolean> revoke(String id) {
      return update(
          id,
          c ->
              new StoredApiClient(
                  id, c.name(), true, c.createdAt(), c.creationsPerSecond(), c.readsPerSecond()));
    }

    private Mono<Boolean> update(String id, UnaryOperator<StoredApiClient> change) {
      StoredApiClient current = byId.get(id);
      if (current == null) {
        return Mono.just(false);
      }
      byId.put(id, change.apply(current));
      return Mono.just(true);
    }
  }

  private final InMemoryStore store = new InMemoryStore();
  private final ApiClientDirectory directory =
      new ApiClientDirectory(
          store,
          Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC),
          Duration.ofSeconds(30),
          DEFAULTS);

  @Test
  void aKnownKeyIsLookedUpOnceWithinTheCacheLifetime() {
    directory.create("partner-a", "Partner A", "hash-a").block();

    AuthenticatedClient first = directory.findActive("hash-a").block();
    AuthenticatedClient second = directory.findActive("hash-a").block();

    assertThat(first).isEqualTo(second);
    assertThat(first.quota()).isEqualTo(DEFAULTS);
    assertThat(store.lookups).hasValue(1);
  }

  @Test
  void aRevocationTakesEffectAtOnceOnThisInstance() {
    directory.create("partner-a", "Partner A", "hash-a").block();
    directory.findActive("hash-a").block();

    assertThat(directory.revoke("partner-a").block()).isTrue();

    assertThat(directory.findActive("hash-a").blockOptional()).isEmpty();
  }

  @Test
  void aClientsOwnQuotaAppliesAndTheSummarySaysWhetherItIsTheDefault() {
    directory.create("partner-a", "Partner A", "hash-a").block();
    directory.create("partner-b", "Partner B", "hash-b").block();
    directory.findActive("hash-a").block();

    directory.setQuota("partner-a", 5, null).block();

    assertThat(directory.findActive("hash-a").block().quota()).isEqualTo(new ClientQuota(5, 100));
    assertThat(directory.list().collectList().block())
        .extracting(ApiClientDirectory.ClientSummary::id, s -> s.defaultQuota())
        .containsExactly(tuple("partner-a", false), tuple("partner-b", true));
  }
}
