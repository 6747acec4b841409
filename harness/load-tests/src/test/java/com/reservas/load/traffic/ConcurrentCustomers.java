package com.reservas.load.traffic;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;

/**
 * The closed model of docs/spec.md §9: a fixed number of customers in the system at every moment,
 * each thinking, creating a reservation and reading it back; a finished customer is replaced at
 * once. Asserts the target: {@code POST} p95 ≤ 100 ms and no failed request.
 *
 * <p>Settings: {@code -Dusers} (the subclass's default), {@code -Dduration} (60s), {@code
 * -DthinkMillis} (1000; 0 = saturation), {@code -DwarmUp} (20s), {@code -DwarmUpUsers} (10).
 */
public abstract class ConcurrentCustomers extends RecordedSimulation {

  /** docs/spec.md §9: {@code POST} p95 ≤ 100 ms. */
  public static final int TARGET_P95_MILLIS = 100;

  protected ConcurrentCustomers(int defaultUsers) {
    int users = LoadSettings.integer("users", defaultUsers);
    Duration duration = LoadSettings.duration("duration", Duration.ofSeconds(60));
    PopulationBuilder measured =
        scenario(users + " concurrent customers")
            .exec(traffic.customer(""))
            .injectClosed(constantConcurrentUsers(users).during(duration));
    setUp(WarmUp.before(traffic, measured))
        .protocols(traffic.protocol())
        .assertions(
            details(ReservationTraffic.CREATE)
                .responseTime()
                .percentile(95.0)
                .lte(TARGET_P95_MILLIS),
            details(ReservationTraffic.CREATE).failedRequests().count().is(0L),
            details(ReservationTraffic.READ).failedRequests().count().is(0L));
  }
}
