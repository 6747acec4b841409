package com.reservas.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import com.reservas.load.traffic.ConcurrentCustomers;
import com.reservas.load.traffic.LoadSettings;
import com.reservas.load.traffic.RecordedSimulation;
import com.reservas.load.traffic.ReservationTraffic;
import com.reservas.load.traffic.WarmUp;
import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;

/**
 * docs/spec.md §9: quiet traffic, a sudden burst, quiet traffic again. Requests are named by phase
 * ("(before)", "(burst)", "(after)"); the "after" phase starts when the last burst customer is
 * done. Asserts recovery: no failed request after the burst and the {@code POST} p95 target there;
 * the post-run report also checks that latency is back at the "before" baseline within 30 s of the
 * burst and stays there (10-second windows): the burst leaves a backlog in the saga, which takes
 * CPU from the API while it drains.
 *
 * <p>Settings: {@code -DbaseRate} (10 customers/s), {@code -Dbefore} (30s), {@code -DburstUsers}
 * (1000), {@code -Dburst} (3s: the burst's customers arrive within it), {@code -Dafter} (60s).
 */
public class Spike extends RecordedSimulation {

  public static final String BEFORE = " (before)";
  public static final String BURST = " (burst)";
  public static final String AFTER = " (after)";

  public Spike() {
    double baseRate = LoadSettings.decimal("baseRate", 10);
    Duration before = LoadSettings.duration("before", Duration.ofSeconds(30));
    int burstUsers = LoadSettings.integer("burstUsers", 1000);
    Duration burst = LoadSettings.duration("burst", Duration.ofSeconds(3));
    Duration after = LoadSettings.duration("after", Duration.ofSeconds(60));
    Duration readDelay = LoadSettings.readDelay();

    PopulationBuilder phases =
        scenario("before")
            .exec(traffic.customer(BEFORE, Duration.ZERO, readDelay))
            .injectOpen(constantUsersPerSec(baseRate).during(before))
            .andThen(
                scenario("burst")
                    .exec(traffic.customer(BURST, Duration.ZERO, readDelay))
                    .injectOpen(rampUsers(burstUsers).during(burst))
                    .andThen(
                        scenario("after")
                            .exec(traffic.customer(AFTER, Duration.ZERO, readDelay))
                            .injectOpen(constantUsersPerSec(baseRate).during(after))));
    setUp(WarmUp.before(traffic, phases))
        .protocols(traffic.protocol())
        .assertions(
            details(ReservationTraffic.CREATE + AFTER)
                .responseTime()
                .percentile(95.0)
                .lte(ConcurrentCustomers.TARGET_P95_MILLIS),
            details(ReservationTraffic.CREATE + AFTER).failedRequests().count().is(0L),
            details(ReservationTraffic.READ + AFTER).failedRequests().count().is(0L));
  }
}
