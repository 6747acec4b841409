package com.reservas.supplier.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservas.standin.kit.fault.FaultInjector;
import com.reservas.standin.kit.fault.FaultInjector.FaultPlan;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultSettingsTest {

  @Test
  void aPlanCarriesTheLatencyModeAndPoint() {
    FaultInjector<FailureMode, FaultSettings> injector =
        new FaultInjector<>(FaultSettings.NONE, () -> 0.5);
    injector.set(
        FaultSettings.failing(FailureMode.TIMEOUT)
            .withLatency(Duration.ofMillis(40))
            .at(FailurePoint.AFTER_PROCESSING));

    FaultPlan<FailureMode, FaultSettings> plan = injector.next();

    assertThat(plan.settings().latency()).isEqualTo(Duration.ofMillis(40));
    assertThat(plan.failure()).hasValue(FailureMode.TIMEOUT);
    assertThat(plan.settings().failurePoint()).isEqualTo(FailurePoint.AFTER_PROCESSING);
  }

  @Test
  void aHealthySupplierIsSlowOnlyWhenToldAndNeverFails() {
    assertThat(FaultSettings.slow(Duration.ofMillis(5)).failureRate()).isZero();
    assertThat(FaultSettings.NONE.maxFailures()).isNull();
  }

  @Test
  void settingsOutOfRangeAreRefused() {
    assertThatThrownBy(() -> FaultSettings.failing(FailureMode.HTTP_500, 1.01))
        .hasMessageStartingWith("failureRate");
    assertThatThrownBy(() -> FaultSettings.failing(FailureMode.HTTP_500, Double.NaN))
        .hasMessageStartingWith("failureRate");
    assertThatThrownBy(() -> FaultSettings.failing(null, 0.5))
        .hasMessageStartingWith("failureMode");
    assertThatThrownBy(() -> FaultSettings.slow(Duration.ofMinutes(2)))
        .hasMessageStartingWith("latencyMillis");
  }
}
