package com.reservas.stripe.standin;

import com.reservas.standin.kit.fault.Faults;
import java.time.Duration;
import java.util.Objects;

/**
 * What the stand-in should do wrong, so that timeouts, retries and circuit breakers can be
 * exercised against the real stripe-java client.
 *
 * <p>{@code latencyMillis} delays every {@code /v1} response; the operation itself takes effect
 * before the delay, so a client that times out has still charged (the "lost response" case that
 * idempotency keys exist for). A failure, drawn with probability {@code failureRate}, replaces the
 * operation entirely: nothing is executed and no idempotent response is stored. {@code maxFailures}
 * (null = unlimited) stops injecting failures after that many.
 *
 * @param latencyMillis delay added to each response, 0 to 600000
 * @param failureRate probability in [0, 1] that a request fails
 * @param failureMode how a failing request fails
 * @param maxFailures how many failures to inject before behaving again, or null for no limit
 */
public record FaultSettings(
    long latencyMillis, double failureRate, FailureMode failureMode, Integer maxFailures)
    implements Faults<FailureMode> {

  /** Longest latency accepted, so that a typo cannot wedge a test run. */
  public static final long MAX_LATENCY_MILLIS = 600_000;

  public FaultSettings {
    if (latencyMillis < 0 || latencyMillis > MAX_LATENCY_MILLIS) {
      throw new IllegalArgumentException(
          "latencyMillis must be between 0 and " + MAX_LATENCY_MILLIS + ": " + latencyMillis);
    }
    if (!(failureRate >= 0.0 && failureRate <= 1.0)) {
      throw new IllegalArgumentException("failureRate must be between 0 and 1: " + failureRate);
    }
    failureMode = Objects.requireNonNullElse(failureMode, FailureMode.HTTP_500);
    if (maxFailures != null && maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be at least 1: " + maxFailures);
    }
  }

  /** Behave like Stripe: no latency, no failures. */
  public static FaultSettings none() {
    return new FaultSettings(0, 0.0, FailureMode.HTTP_500, null);
  }

  /** Fail with {@code mode} on a {@code rate} share of requests, without added latency. */
  public static FaultSettings failing(FailureMode mode, double rate) {
    return new FaultSettings(0, rate, mode, null);
  }

  /** Answer correctly, but only after {@code latency}. */
  public static FaultSettings slow(Duration latency) {
    return none().withLatency(latency);
  }

  /** The same settings with {@code latency} added to every response. */
  public FaultSettings withLatency(Duration latency) {
    return new FaultSettings(latency.toMillis(), failureRate, failureMode, maxFailures);
  }

  /** The same settings, but injecting at most {@code failures} failures. */
  public FaultSettings limitedTo(int failures) {
    return new FaultSettings(latencyMillis, failureRate, failureMode, failures);
  }

  @Override
  public Duration latency() {
    return Duration.ofMillis(latencyMillis);
  }

  /**
   * These settings as they stand with {@code failuresLeft} of their failures still to inject (null
   * for no limit): what {@code GET /__admin/faults} shows, a rate of 0 once none are left.
   */
  FaultSettings withFailuresLeft(Integer failuresLeft) {
    if (failuresLeft != null && failuresLeft == 0) {
      return new FaultSettings(latencyMillis, 0.0, failureMode, null);
    }
    return new FaultSettings(latencyMillis, failureRate, failureMode, failuresLeft);
  }

  /** Whether these settings change nothing. */
  public boolean isNone() {
    return latencyMillis == 0 && failureRate == 0.0;
  }
}
