package com.reservas.supplier.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

  @Test
  void theFailureRateDecidesWhichShareOfRequestsFails() {
    Iterator<Double> draws = List.of(0.0, 0.29, 0.3, 0.99).iterator();
    FaultInjector injector = new FaultInjector(draws::next);
    injector.apply(FaultSettings.failing(FailureMode.HTTP_500, 0.3));

    List<Boolean> failed =
        IntStream.range(0, 4)
            .mapToObj(i -> injector.planForNextRequest().failure().isPresent())
            .toList();

    assertThat(failed).containsExactly(true, true, false, false);
  }

  @Test
  void aPlanCarriesTheLatencyModeAndPoint() {
    FaultInjector injector = new FaultInjector(() -> 0.5);
    injector.apply(
        FaultSettings.failing(FailureMode.TIMEOUT)
            .withLatency(Duration.ofMillis(40))
            .at(FailurePoint.AFTER_PROCESSING));

    FaultInjector.FaultPlan plan = injector.planForNextRequest();

    assertThat(plan.latency()).isEqualTo(Duration.ofMillis(40));
    assertThat(plan.failure()).hasValue(FailureMode.TIMEOUT);
    assertThat(plan.failsAt(FailurePoint.AFTER_PROCESSING)).isTrue();
    assertThat(plan.failsAt(FailurePoint.BEFORE_PROCESSING)).isFalse();
  }

  @Test
  void aClearedInjectorInjectsNothing() {
    FaultInjector injector = new FaultInjector(() -> 0.0);
    injector.apply(FaultSettings.failing(FailureMode.HTTP_500).withLatency(Duration.ofSeconds(1)));

    injector.clear();

    assertThat(injector.planForNextRequest().failure()).isEmpty();
    assertThat(injector.planForNextRequest().latency()).isZero();
    assertThat(FaultSettings.slow(Duration.ofMillis(5)).failureRate()).isZero();
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
