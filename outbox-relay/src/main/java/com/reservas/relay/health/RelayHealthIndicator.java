package com.reservas.relay.health;

import com.reservas.relay.engine.RelayState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health contributor {@code relay}: UP while the engine streams the binlog (it has reported an
 * event or a heartbeat) and has done so within the stall timeout; DOWN while it starts or connects,
 * backs off after a failure (with the failure, the restart count and the next attempt), is stopped,
 * or is stalled.
 */
public final class RelayHealthIndicator extends AbstractHealthIndicator {

  private final Supplier<RelayState.Snapshot> state;
  private final Duration stallTimeout;
  private final Clock clock;

  public RelayHealthIndicator(
      Supplier<RelayState.Snapshot> state, Duration stallTimeout, Clock clock) {
    super("Outbox relay health check failed");
    this.state = state;
    this.stallTimeout = stallTimeout;
    this.clock = clock;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    RelayState.Snapshot s = state.get();
    Instant now = clock.instant();
    builder.withDetail("phase", s.phase().name()).withDetail("since", s.phaseSince().toString());
    if (s.lastProgress() != null) {
      builder.withDetail("lastProgress", s.lastProgress().toString());
    }
    if (s.lastEvent() != null) {
      builder.withDetail("lastEvent", s.lastEvent().toString());
    }
    builder.withDetail("eventsPublished", s.eventsPublished()).withDetail("restarts", s.restarts());
    if (s.lastError() != null) {
      builder
          .withDetail("lastError", s.lastError())
          .withDetail("lastErrorAt", s.lastErrorAt().toString());
    }
    if (s.nextAttempt() != null) {
      builder.withDetail("nextAttempt", s.nextAttempt().toString());
    }
    if (s.phase() == RelayState.Phase.STANDBY) {
      // A hot standby is healthy: it takes over when the relay holding the lease stops.
      builder.up().withDetail("standby", "another relay holds the lease and streams");
      return;
    }
    if (s.phase() != RelayState.Phase.RUNNING) {
      builder.down();
      return;
    }
    if (!s.streaming()) {
      builder.down().withDetail("streaming", "connecting to the binlog, no heartbeat yet");
      return;
    }
    Duration silence =
        s.lastProgress() == null ? Duration.ZERO : Duration.between(s.lastProgress(), now);
    if (silence.compareTo(stallTimeout) > 0) {
      builder
          .down()
          .withDetail(
              "stalled",
              "no event and no heartbeat for "
                  + silence.toSeconds()
                  + " s (limit "
                  + stallTimeout
                  + ")");
      return;
    }
    builder.up();
  }
}
