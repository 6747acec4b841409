package com.reservas.relay.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What the relay is doing, for the health check and the logs. Written by the supervisor and the
 * batch handler, read by anyone; every field is volatile and {@link #snapshot()} is a consistent
 * enough view for a health check.
 */
public final class RelayState {

  /** The engine's phase. */
  public enum Phase {
    /** Not started yet, or stopped on purpose. */
    STOPPED,
    /** An engine is being created and connects to the database. */
    STARTING,
    /** The engine's task runs and streams the binlog. */
    RUNNING,
    /** The engine failed; it is restarted after a backoff. */
    BACKING_OFF,
    /** Another relay holds the lease and streams; this one waits to take over. */
    STANDBY
  }

  /**
   * A point-in-time copy.
   *
   * @param streaming the running engine has handed over a batch or a heartbeat: it reads the binlog
   */
  public record Snapshot(
      Phase phase,
      boolean streaming,
      Instant phaseSince,
      Instant lastProgress,
      Instant lastEvent,
      long eventsPublished,
      long restarts,
      int consecutiveFailures,
      String lastError,
      Instant lastErrorAt,
      Instant nextAttempt) {}

  private final Clock clock;
  private volatile Phase phase = Phase.STOPPED;
  private volatile boolean streaming;
  private volatile Instant phaseSince;
  private volatile Instant lastProgress;
  private volatile Instant lastEvent;
  private volatile long eventsPublished;
  private volatile long restarts;
  private volatile int consecutiveFailures;
  private volatile String lastError;
  private volatile Instant lastErrorAt;
  private volatile Instant nextAttempt;

  public RelayState(Clock clock) {
    this.clock = clock;
    this.phaseSince = clock.instant();
  }

  public Snapshot snapshot() {
    return new Snapshot(
        phase,
        streaming,
        phaseSince,
        lastProgress,
        lastEvent,
        eventsPublished,
        restarts,
        consecutiveFailures,
        lastError,
        lastErrorAt,
        nextAttempt);
  }

  public Phase phase() {
    return phase;
  }

  /** Time since the engine last reported an event or heartbeat (or started running). */
  public Duration progressAge() {
    Instant last = lastProgress;
    return last == null ? Duration.ZERO : Duration.between(last, clock.instant());
  }

  Instant now() {
    return clock.instant();
  }

  void starting() {
    streaming = false;
    setPhase(Phase.STARTING);
    nextAttempt = null;
  }

  void running() {
    setPhase(Phase.RUNNING);
    lastProgress = clock.instant();
  }

  void stopped() {
    streaming = false;
    setPhase(Phase.STOPPED);
    nextAttempt = null;
  }

  void standby(Instant retryAt) {
    streaming = false;
    nextAttempt = retryAt;
    if (phase != Phase.STANDBY) {
      setPhase(Phase.STANDBY);
    }
  }

  synchronized void failed(String why, Instant retryAt) {
    streaming = false;
    lastError = why;
    lastErrorAt = clock.instant();
    restarts++;
    consecutiveFailures++;
    nextAttempt = retryAt;
    setPhase(Phase.BACKING_OFF);
  }

  int consecutiveFailures() {
    return consecutiveFailures;
  }

  /** The engine handed over a batch (or a heartbeat): it is alive, failures are behind it. */
  synchronized void progressed(int published) {
    Instant now = clock.instant();
    lastProgress = now;
    streaming = true;
    consecutiveFailures = 0;
    if (published > 0) {
      lastEvent = now;
      eventsPublished += published;
    }
  }

  private void setPhase(Phase next) {
    phase = next;
    phaseSince = clock.instant();
  }
}
