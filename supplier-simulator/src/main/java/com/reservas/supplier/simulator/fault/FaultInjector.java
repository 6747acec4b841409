package com.reservas.supplier.simulator.fault;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;

/**
 * Decides, per request, which of the current {@link FaultSettings} apply to it. The settings can be
 * replaced at any time from any thread; each request sees one consistent set.
 */
public final class FaultInjector {

  /** What to do to one request. */
  public record FaultPlan(Duration latency, Optional<FailureMode> failure, FailurePoint point) {

    public boolean failsAt(FailurePoint candidate) {
      return failure.isPresent() && point == candidate;
    }
  }

  private final AtomicReference<FaultSettings> settings = new AtomicReference<>(FaultSettings.NONE);
  private final DoubleSupplier random;

  public FaultInjector() {
    this(() -> ThreadLocalRandom.current().nextDouble());
  }

  /** With a source of numbers in {@code [0, 1)} that decides which requests fail. */
  public FaultInjector(DoubleSupplier random) {
    this.random = random;
  }

  public void apply(FaultSettings faults) {
    settings.set(faults);
  }

  public void clear() {
    settings.set(FaultSettings.NONE);
  }

  public FaultSettings settings() {
    return settings.get();
  }

  /** Draws the faults for the next request. */
  public FaultPlan planForNextRequest() {
    FaultSettings current = settings.get();
    boolean fails = current.failureRate() > 0 && random.getAsDouble() < current.failureRate();
    return new FaultPlan(
        current.latency(),
        fails ? Optional.of(current.failureMode()) : Optional.empty(),
        current.failurePoint());
  }
}
