package com.reservas.load;

import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import com.reservas.load.traffic.LoadSettings;
import com.reservas.load.traffic.RecordedSimulation;
import com.reservas.load.traffic.WarmUp;
import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;

/**
 * docs/spec.md §9: concurrent customers ramped from 0 to 500 to find the break point — where {@code
 * POST} p95 passes 100 ms or errors appear. It asserts nothing itself (breaking is its purpose);
 * the post-run report computes the break point from the samples, second by second.
 *
 * <p>Settings: {@code -DmaxUsers} (500), {@code -Dramp} (3m), {@code -DthinkMillis} (1000).
 */
public class StressRamp extends RecordedSimulation {

  public StressRamp() {
    int maxUsers = LoadSettings.integer("maxUsers", 500);
    Duration ramp = LoadSettings.duration("ramp", Duration.ofMinutes(3));
    PopulationBuilder measured =
        scenario("ramp to " + maxUsers + " concurrent customers")
            .exec(traffic.customer(""))
            .injectClosed(rampConcurrentUsers(0).to(maxUsers).during(ramp));
    setUp(WarmUp.before(traffic, measured)).protocols(traffic.protocol());
  }
}
