package com.reservas.relay.engine;

/**
 * What the relay does with an outbox row it cannot publish as an event: an aggregate type that is
 * not one of the configured topics, or an UPDATE of an outbox row (rows are only ever inserted, and
 * deleted in the same transaction). Deletes are expected and always ignored.
 */
public enum InvalidRowPolicy {
  /**
   * Stop: the engine fails on the row (its offset is not committed), the relay turns unhealthy,
   * logs why and retries with backoff, and stays stuck on that row until an operator intervenes.
   */
  FAIL,
  /** Log a warning, count it, and go on. */
  SKIP_AND_LOG,
  /**
   * Publish rows of unknown aggregate types to the dead-letter topic with a header saying why;
   * updates are logged with a warning, counted, and skipped (their insert was already published).
   */
  DEAD_LETTER
}
