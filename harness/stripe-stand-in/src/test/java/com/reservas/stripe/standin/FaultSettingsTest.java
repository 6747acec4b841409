package com.reservas.stripe.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservas.standin.kit.fault.FaultInjector;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultSettingsTest {

  @Test
  void theSettingsInForceShowTheFailuresLeftAndStopFailingWhenNoneAre() {
    FaultInjector<FailureMode, FaultSettings> injector = new FaultInjector<>(FaultSettings.none());
    injector.set(
        FaultSettings.failing(FailureMode.HTTP_500, 1.0)
            .withLatency(Duration.ofMillis(7))
            .limitedTo(2));

    injector.next();
    assertThat(injector.current(FaultSettings::withFailuresLeft).maxFailures()).isEqualTo(1);
    injector.next();
    FaultSettings exhausted = injector.current(FaultSettings::withFailuresLeft);

    assertThat(exhausted.failureRate()).isZero();
    assertThat(exhausted.maxFailures()).isNull();
    assertThat(exhausted.latency()).isEqualTo(Duration.ofMillis(7));
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
