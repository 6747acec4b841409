package com.reservas.load.traffic;

import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;

/**
 * The warm-up that precedes every measured scenario: the platform was just started and its JIT is
 * cold (its compiler threads take about 0.4 of a core for the first two minutes under load). New
 * customers arrive at a rate ramped up to {@code -DwarmUpRate} (20/s) for {@code -DwarmUp} (60s; 0
 * = none) — gentle enough not to leave a backlog in the saga for the measured part. Their requests
 * are named "... (warm-up)" and left out of the assertions, the report and the end-to-end latency
 * (the integrity check still covers them).
 */
public final class WarmUp {

  private WarmUp() {}

  public static PopulationBuilder before(ReservationTraffic traffic, PopulationBuilder measured) {
    Duration warmUp = LoadSettings.warmUp();
    if (warmUp.isZero()) {
      return measured;
    }
    double rate = LoadSettings.decimal("warmUpRate", 20);
    return scenario("warm-up")
        .exec(traffic.customer(ReservationTraffic.WARM_UP, Duration.ZERO, Duration.ZERO))
        .injectOpen(rampUsersPerSec(Math.min(5, rate)).to(rate).during(warmUp))
        .andThen(measured);
  }
}
