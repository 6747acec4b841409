package com.reservas.stripe.standin;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/** Decides, request by request, whether the current {@link FaultSettings} apply. */
final class FaultInjector {

  /** What to do to one request: delay it, and possibly fail it instead of executing it. */
  record FaultDecision(Duration latency, FailureMode failure) {

    boolean fails() {
      return failure != null;
    }
  }

  private final DoubleSupplier random;
  private FaultSettings settings = FaultSettings.none();
  private Integer failuresLeft;
  private long failuresInjected;

  FaultInjector() {
    this(() -> ThreadLocalRandom.current().nextDouble());
  }

  FaultInjector(DoubleSupplier random) {
    this.random = random;
  }

  synchronized void set(FaultSettings newSettings) {
    settings = newSettings;
    failuresLeft = newSettings.maxFailures();
  }

  synchronized void clear() {
    set(FaultSettings.none());
  }

  /** The settings in force, with {@code maxFailures} showing how many failures are left. */
  synchronized FaultSettings current() {
    if (failuresLeft != null && failuresLeft == 0) {
      return new FaultSettings(settings.latencyMillis(), 0.0, settings.failureMode(), null);
    }
    return new FaultSettings(
        settings.latencyMillis(), settings.failureRate(), settings.failureMode(), failuresLeft);
  }

  synchronized FaultDecision next() {
    Duration latency = Duration.ofMillis(settings.latencyMillis());
    boolean exhausted = failuresLeft != null && failuresLeft == 0;
    if (exhausted || settings.failureRate() == 0.0) {
      return new FaultDecision(latency, null);
    }
    if (settings.failureRate() < 1.0 && random.getAsDouble() >= settings.failureRate()) {
      return new FaultDecision(latency, null);
    }
    if (failuresLeft != null) {
      failuresLeft--;
    }
    failuresInjected++;
    return new FaultDecision(latency, settings.failureMode());
  }

  synchronized long failuresInjected() {
    return failuresInjected;
  }

  synchronized void resetCount() {
    failuresInjected = 0;
  }
}
