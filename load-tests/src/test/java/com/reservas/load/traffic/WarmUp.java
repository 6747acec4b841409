package com.reservas.load.traffic;

import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;

/**
 * The warm-up that precedes every measured scenario: the platform was just started and its JIT is
 * cold. New customers arrive at a rate ramped up to {@code -DwarmUpRate} (50/s) for {@code
 * -DwarmUp} (20s; 0 = none) — gentle enough not to leave a backlog in the pipeline for the measured
 * part. Their requests are named "... (warm-up)" and left out of the assertions, the report and the
 * end-to-end latency (the integrity check still covers them).
 */
public final class WarmUp {

  private WarmUp() {}

  public static PopulationBuilder before(ReservationTraffic traffic, PopulationBuilder measured) {
    Duration warmUp = LoadSettings.warmUp();
    if (warmUp.isZero()) {
      return measured;
    }
    double rate = LoadSettings.decimal("warmUpRate", 50);
    return scenario("warm-up")
        .exec(traffic.customer(ReservationTraffic.WARM_UP, Duration.ZERO, Duration.ZERO))
        .injectOpen(rampUsersPerSec(Math.min(5, rate)).to(rate).during(warmUp))
        .andThen(measured);
  }
}
