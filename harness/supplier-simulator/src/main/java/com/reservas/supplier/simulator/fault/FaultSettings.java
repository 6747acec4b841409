package com.reservas.supplier.simulator.fault;

import com.reservas.standin.kit.fault.Faults;
import java.time.Duration;
import java.util.Objects;

/**
 * The faults the supplier API injects into its {@code /v1} answers, changeable while it runs.
 *
 * @param latency added before every {@code /v1} request is handled
 * @param failureRate share of {@code /v1} requests, from 0 to 1, that fail as {@code failureMode}
 * @param failureMode how failing requests fail; required when {@code failureRate > 0}
 * @param failurePoint whether a failing request is processed before its answer is lost
 */
public record FaultSettings(
    Duration latency, double failureRate, FailureMode failureMode, FailurePoint failurePoint)
    implements Faults<FailureMode> {

  public static final Duration MAX_LATENCY = Duration.ofMinutes(1);

  /** A healthy supplier. */
  public static final FaultSettings NONE =
      new FaultSettings(Duration.ZERO, 0, null, FailurePoint.BEFORE_PROCESSING);

  public FaultSettings {
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(failurePoint, "failurePoint");
    if (latency.isNegative() || latency.compareTo(MAX_LATENCY) > 0) {
      throw new IllegalArgumentException("latencyMillis: must be between 0 and 60000");
    }
    if (!(failureRate >= 0 && failureRate <= 1)) {
      throw new IllegalArgumentException("failureRate: must be between 0 and 1");
    }
    if (failureRate > 0 && failureMode == null) {
      throw new IllegalArgumentException("failureMode: is required when failureRate > 0");
    }
  }

  /** Every request fails as {@code mode}, before the supplier processes it. */
  public static FaultSettings failing(FailureMode mode) {
    return failing(mode, 1.0);
  }

  /** A share {@code rate} of requests fails as {@code mode}, before the supplier processes it. */
  public static FaultSettings failing(FailureMode mode, double rate) {
    return new FaultSettings(Duration.ZERO, rate, mode, FailurePoint.BEFORE_PROCESSING);
  }

  /** Every request is slow by {@code latency}, and none fails. */
  public static FaultSettings slow(Duration latency) {
    return NONE.withLatency(latency);
  }

  public FaultSettings withLatency(Duration latency) {
    return new FaultSettings(latency, failureRate, failureMode, failurePoint);
  }

  /** The same failures, injected at {@code point}. */
  public FaultSettings at(FailurePoint point) {
    return new FaultSettings(latency, failureRate, failureMode, point);
  }
}
