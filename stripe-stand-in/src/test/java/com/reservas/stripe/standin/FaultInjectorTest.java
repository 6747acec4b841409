package com.reservas.stripe.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

  @Test
  void stopsFailingAfterMaxFailuresButKeepsTheLatency() {
    FaultInjector injector = new FaultInjector();
    injector.set(
        FaultSettings.failing(FailureMode.HTTP_500, 1.0)
            .withLatency(Duration.ofMillis(7))
            .limitedTo(2));

    assertThat(injector.next().failure()).isEqualTo(FailureMode.HTTP_500);
    assertThat(injector.current().maxFailures()).isEqualTo(1);
    assertThat(injector.next().fails()).isTrue();
    FaultInjector.FaultDecision after = injector.next();

    assertThat(after.fails()).isFalse();
    assertThat(after.latency()).isEqualTo(Duration.ofMillis(7));
    assertThat(injector.failuresInjected()).isEqualTo(2);
    assertThat(injector.current().failureRate()).isZero();
  }

  @Test
  void failsWhenTheDrawIsBelowTheRate() {
    double[] draws = {0.1, 0.9};
    int[] next = {0};
    FaultInjector injector = new FaultInjector(() -> draws[next[0]++]);
    injector.set(FaultSettings.failing(FailureMode.TIMEOUT, 0.5));

    assertThat(injector.next().failure()).isEqualTo(FailureMode.TIMEOUT);
    assertThat(injector.next().fails()).isFalse();
  }

  @Test
  void settingsAreValidated() {
    assertThatThrownBy(() -> FaultSettings.failing(FailureMode.HTTP_500, 1.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FaultSettings(-1, 0, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultSettings.none().limitedTo(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new FaultSettings(0, 0.2, null, null).failureMode()).isEqualTo(FailureMode.HTTP_500);
  }
}
