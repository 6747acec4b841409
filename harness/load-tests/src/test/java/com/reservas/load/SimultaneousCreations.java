package com.reservas.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import com.reservas.load.traffic.LoadSettings;
import com.reservas.load.traffic.RecordedSimulation;
import com.reservas.load.traffic.ReservationTraffic;
import com.reservas.load.traffic.WarmUp;
import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;

/**
 * docs/spec.md §9 integrity: 1,000+ creations released at the same instant, each customer on its
 * own connection, each then reading its code back. Asserts that every creation and read succeeded;
 * the integrity check that follows proves no duplicate code, nothing lost, every reservation final,
 * nobody charged twice.
 *
 * <p>Settings: {@code -Dusers} (1000), {@code -DshareConnections} (false).
 */
public class SimultaneousCreations extends RecordedSimulation {

  public SimultaneousCreations() {
    int users = LoadSettings.integer("users", 1000);
    PopulationBuilder measured =
        scenario(users + " simultaneous creations")
            .exec(traffic.customer("", Duration.ZERO, Duration.ZERO))
            .injectOpen(atOnceUsers(users));
    setUp(WarmUp.before(traffic, measured))
        .protocols(traffic.protocol(LoadSettings.shareConnections(false)))
        .assertions(
            details(ReservationTraffic.CREATE).failedRequests().count().is(0L),
            details(ReservationTraffic.READ).failedRequests().count().is(0L));
  }
}
