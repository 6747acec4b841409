package com.reservas.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import com.reservas.load.traffic.LoadSettings;
import com.reservas.load.traffic.RecordedSimulation;
import com.reservas.load.traffic.WarmUp;
import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;
import java.util.Locale;

/**
 * The platform's capacity: new customers (one creation and one read each) arrive at an open-model
 * rate raised step by step, and the post-run report names the highest rate at which, for a whole
 * step, {@code POST} p95 ≤ 100 ms and creation → {@code SUPPLIER_CONFIRMED} p95 ≤ 1 s held with no
 * failed request. Each step's requests are named "... (step <rate>/s)". Like {@link StressRamp} it
 * asserts nothing itself: finding where the targets stop holding is its purpose.
 *
 * <p>Settings: {@code -DstartRate} (40 customers/s), {@code -DstepRate} (20), {@code -Dsteps} (7,
 * i.e. up to 160/s), {@code -DstepDuration} (60s), {@code -DthinkMillis} (0), {@code -DwarmUp}.
 */
public class Capacity extends RecordedSimulation {

  /** The phase name of the step at {@code rate} customers per second. */
  static String step(double rate) {
    return String.format(Locale.ROOT, " (step %s/s)", rate % 1 == 0 ? (long) rate : rate);
  }

  public Capacity() {
    double startRate = LoadSettings.decimal("startRate", 40);
    double stepRate = LoadSettings.decimal("stepRate", 20);
    int steps = LoadSettings.integer("steps", 7);
    Duration stepDuration = LoadSettings.duration("stepDuration", Duration.ofSeconds(60));
    Duration think = Duration.ofMillis(LoadSettings.integer("thinkMillis", 0));
    PopulationBuilder measured = null;
    for (int i = steps - 1; i >= 0; i--) {
      double rate = startRate + i * stepRate;
      PopulationBuilder step =
          scenario("step " + rate + " customers/s")
              .exec(traffic.customer(step(rate), think, LoadSettings.readDelay()))
              .injectOpen(constantUsersPerSec(rate).during(stepDuration));
      measured = measured == null ? step : step.andThen(measured);
    }
    setUp(WarmUp.before(traffic, measured)).protocols(traffic.protocol());
  }
}
