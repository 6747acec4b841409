package com.reservas.standin.kit.fault;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.DoubleSupplier;

/**
 * Decides, request by request, which of the current {@link Faults} apply. The settings can be
 * replaced at any time from any thread; each request sees one consistent set, and a limited number
 * of failures ({@link Faults#maxFailures()}) is counted down across threads without overshooting.
 *
 * @param <M> the stand-in's failure modes
 * @param <S> the stand-in's settings
 */
public final class FaultInjector<M extends InjectedFailure, S extends Faults<M>> {

  /**
   * What to do to one request: delay it by the settings' latency and, if {@code failure} is
   * present, fail it that way.
   */
  public record FaultPlan<M extends InjectedFailure, S extends Faults<M>>(
      S settings, Optional<M> failure) {

    public boolean fails() {
      return failure.isPresent();
    }
  }

  private final S none;
  private final DoubleSupplier random;
  private S settings;
  private Integer failuresLeft;
  private long failuresInjected;

  /** Starts with {@code none}, the settings that change nothing, and draws at random. */
  public FaultInjector(S none) {
    this(none, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** With a source of numbers in {@code [0, 1)} that decides which requests fail. */
  public FaultInjector(S none, DoubleSupplier random) {
    this.none = none;
    this.random = random;
    set(none);
  }

  /** Replaces the settings; the failure limit starts again from their {@code maxFailures}. */
  public synchronized void set(S newSettings) {
    settings = newSettings;
    failuresLeft = newSettings.maxFailures();
  }

  /** Back to the settings that change nothing. */
  public synchronized void clear() {
    set(none);
  }

  /** The settings as last set. */
  public synchronized S settings() {
    return settings;
  }

  /**
   * The settings as they stand now: {@code withFailuresLeft} gets the settings as last set and how
   * many failures are still to inject under their limit (null when they set none), read together.
   */
  public synchronized S current(BiFunction<S, Integer, S> withFailuresLeft) {
    return withFailuresLeft.apply(settings, failuresLeft);
  }

  /** Draws the faults for the next request. */
  public synchronized FaultPlan<M, S> next() {
    boolean exhausted = failuresLeft != null && failuresLeft == 0;
    double rate = settings.failureRate();
    if (exhausted || rate == 0.0 || (rate < 1.0 && random.getAsDouble() >= rate)) {
      return new FaultPlan<>(settings, Optional.empty());
    }
    if (failuresLeft != null) {
      failuresLeft--;
    }
    failuresInjected++;
    return new FaultPlan<>(settings, Optional.of(settings.failureMode()));
  }

  /** Failures injected since the start or the last {@link #resetCount()}. */
  public synchronized long failuresInjected() {
    return failuresInjected;
  }

  public synchronized void resetCount() {
    failuresInjected = 0;
  }
}
