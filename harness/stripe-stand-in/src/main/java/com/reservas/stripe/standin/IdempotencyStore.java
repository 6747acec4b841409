package com.reservas.stripe.standin;

import com.reservas.standin.kit.Journal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Stripe's idempotency keys: the first request with a key runs and its answer is kept for 24 hours;
 * a later request with the same key and the same method, path and parameters gets that answer
 * again; the same key with anything else is an error. Keys are scoped by API key, as Stripe scopes
 * them by account. A request whose answer is not kept (a failure before execution) frees its key.
 */
final class IdempotencyStore {

  /** How long Stripe keeps an idempotent answer. */
  static final Duration RETENTION = Duration.ofHours(24);

  /** What identifies "the same request" for Stripe: method, path and parameters. */
  record RequestFingerprint(String method, String path, String parameters) {}

  /** The outcome of presenting a key. */
  enum ClaimOutcome {
    /** The key is new: run the request, then {@link #complete} or {@link #release} it. */
    GRANTED,
    /** The key was used for this same request: answer with {@link Claim#stored()}. */
    REPLAY,
    /** The key was used for a different request. */
    MISMATCH,
    /** The key's first request is still running. */
    IN_PROGRESS
  }

  /** A claim's outcome, the stored answer for a replay, and an error message for a mismatch. */
  record Claim(ClaimOutcome outcome, ApiResponse stored, String message) {}

  private record Entry(RequestFingerprint fingerprint, ApiResponse response, Instant storedAt) {}

  private record ScopedKey(String scope, String key) {}

  /**
   * A kept answer as the journal holds it, or (with {@code cleared}) that every key was forgotten.
   */
  record KeptAnswer(
      String scope,
      String key,
      RequestFingerprint fingerprint,
      ApiResponse response,
      Instant storedAt,
      boolean cleared) {}

  private final Clock clock;
  private final Map<ScopedKey, Entry> entries = new HashMap<>();
  private Journal<KeptAnswer> journal = Journal.inMemory();

  IdempotencyStore(Clock clock) {
    this.clock = clock;
  }

  /** Reads the kept answers back from {@code file} and keeps every later one there. */
  synchronized void keepAnswersIn(Path file) {
    journal = Journal.open(file, KeptAnswer.class, this::replay, this::current);
  }

  synchronized Claim claim(String scope, String key, RequestFingerprint fingerprint) {
    ScopedKey scoped = new ScopedKey(scope, key);
    Entry entry = entries.get(scoped);
    Instant now = clock.instant();
    if (entry != null && entry.response() != null && isExpired(entry, now)) {
      entries.remove(scoped);
      entry = null;
    }
    if (entry == null) {
      entries.put(scoped, new Entry(fingerprint, null, now));
      return new Claim(ClaimOutcome.GRANTED, null, null);
    }
    if (!entry.fingerprint().path().equals(fingerprint.path())
        || !entry.fingerprint().method().equals(fingerprint.method())) {
      return new Claim(
          ClaimOutcome.MISMATCH,
          null,
          "Keys for idempotent requests can only be used for the same endpoint they were first used"
              + " for ('"
              + entry.fingerprint().path()
              + "' vs '"
              + fingerprint.path()
              + "'). Try using a key other than '"
              + key
              + "' if you meant to execute a different request.");
    }
    if (!entry.fingerprint().parameters().equals(fingerprint.parameters())) {
      return new Claim(
          ClaimOutcome.MISMATCH,
          null,
          "Keys for idempotent requests can only be used with the same parameters they were first"
              + " used with. Try using a key other than '"
              + key
              + "' if you meant to execute a different request.");
    }
    if (entry.response() == null) {
      return new Claim(ClaimOutcome.IN_PROGRESS, null, null);
    }
    return new Claim(ClaimOutcome.REPLAY, entry.response(), null);
  }

  /** Keeps {@code response} as the answer to every later use of the key. */
  synchronized void complete(String scope, String key, ApiResponse response) {
    ScopedKey scoped = new ScopedKey(scope, key);
    Entry entry = entries.get(scoped);
    if (entry != null && entry.response() == null) {
      Instant now = clock.instant();
      entries.put(scoped, new Entry(entry.fingerprint(), response, now));
      journal.append(new KeptAnswer(scope, key, entry.fingerprint(), response, now, false));
    }
    if (entries.size() % 1024 == 0) {
      pruneExpired();
    }
  }

  /** Forgets a granted key whose request was not executed, so a retry can run it. */
  synchronized void release(String scope, String key) {
    ScopedKey scoped = new ScopedKey(scope, key);
    Entry entry = entries.get(scoped);
    if (entry != null && entry.response() == null) {
      entries.remove(scoped);
    }
  }

  synchronized void clear() {
    entries.clear();
    journal.append(new KeptAnswer(null, null, null, null, null, true));
  }

  private void replay(KeptAnswer kept) {
    if (kept.cleared()) {
      entries.clear();
    } else {
      entries.put(
          new ScopedKey(kept.scope(), kept.key()),
          new Entry(kept.fingerprint(), kept.response(), kept.storedAt()));
    }
  }

  /** The answers still kept (expired ones are dropped when the journal is compacted). */
  private Stream<KeptAnswer> current() {
    Instant now = clock.instant();
    return entries.entrySet().stream()
        .filter(e -> e.getValue().response() != null && !isExpired(e.getValue(), now))
        .map(
            e ->
                new KeptAnswer(
                    e.getKey().scope(),
                    e.getKey().key(),
                    e.getValue().fingerprint(),
                    e.getValue().response(),
                    e.getValue().storedAt(),
                    false));
  }

  private void pruneExpired() {
    Instant now = clock.instant();
    entries.values().removeIf(entry -> entry.response() != null && isExpired(entry, now));
  }

  private static boolean isExpired(Entry entry, Instant now) {
    return entry.storedAt().plus(RETENTION).isBefore(now);
  }
}
