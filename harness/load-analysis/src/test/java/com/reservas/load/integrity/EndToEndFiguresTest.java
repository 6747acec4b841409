package com.reservas.load.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EndToEndFiguresTest {

  private static final Map<String, Long> CONFIRMED_AFTER =
      Map.of("WARMUP01", 5_000L, "STEP0001", 100L, "STEP0002", 300L);

  @Test
  void aSingleStepHasItsOwnFiguresSoCapacityCanJudgeIt() {
    Map<String, Object> figures =
        IntegrityCheck.endToEndFigures(
            CONFIRMED_AFTER,
            Map.of(
                "STEP0001", "POST /reservations (step 30.0/s)",
                "STEP0002", "POST /reservations (step 30.0/s)"));

    assertThat(figures).containsEntry("count", 2);
    assertThat(figures.get("byRequest"))
        .asInstanceOf(MAP)
        .containsOnlyKeys("POST /reservations (step 30.0/s)");
  }

  @Test
  void withoutSamplesEveryConfirmedReservationCountsAndThereAreNoSteps() {
    Map<String, Object> figures = IntegrityCheck.endToEndFigures(CONFIRMED_AFTER, null);

    assertThat(figures).containsEntry("count", 3).doesNotContainKey("byRequest");
  }
}
