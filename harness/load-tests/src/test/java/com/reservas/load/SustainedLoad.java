package com.reservas.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import com.reservas.load.traffic.ConcurrentCustomers;
import com.reservas.load.traffic.LoadSettings;
import com.reservas.load.traffic.RecordedSimulation;
import com.reservas.load.traffic.ReservationTraffic;
import com.reservas.load.traffic.WarmUp;
import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;

/**
 * docs/spec.md §9: a constant arrival rate of new customers (open model) for a long time. Asserts
 * no failed request and the {@code POST} p95 target; the post-run report adds the drift check (the
 * last minute's p95 against the first minute's) and the end-to-end target (creation to {@code
 * SUPPLIER_CONFIRMED} p95 ≤ 1 s).
 *
 * <p>Settings: {@code -Drate} (new customers per second, 30: what the whole saga sustains on the
 * 2-core development machine), {@code -Dduration} (2m; the full run is 10m), {@code -DthinkMillis}
 * (0 here: arrivals are already spread), {@code -DwarmUp}.
 */
public class SustainedLoad extends RecordedSimulation {

  public SustainedLoad() {
    double rate = LoadSettings.decimal("rate", 30);
    Duration duration = LoadSettings.duration("duration", Duration.ofMinutes(2));
    Duration think = Duration.ofMillis(LoadSettings.integer("thinkMillis", 0));
    PopulationBuilder measured =
        scenario("sustained " + rate + " customers/s")
            .exec(traffic.customer("", think, LoadSettings.readDelay()))
            .injectOpen(constantUsersPerSec(rate).during(duration));
    setUp(WarmUp.before(traffic, measured))
        .protocols(traffic.protocol())
        .assertions(
            details(ReservationTraffic.CREATE)
                .responseTime()
                .percentile(95.0)
                .lte(ConcurrentCustomers.TARGET_P95_MILLIS),
            details(ReservationTraffic.CREATE).failedRequests().count().is(0L),
            details(ReservationTraffic.READ).failedRequests().count().is(0L));
  }
}
