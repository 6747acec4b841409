package com.reservas.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final RetryPolicy POLICY =
      new RetryPolicy(Duration.ofSeconds(10), 2.0, Duration.ofHours(1), 0.3, Duration.ofDays(3));
  private static final Instant CREATED = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void waitsGrowExponentiallyUpToTheCapLessTheJitter() {
    assertThat(POLICY.nextAttempt(1, CREATED, CREATED, () -> 0.0))
        .contains(CREATED.plusSeconds(10));
    assertThat(POLICY.nextAttempt(3, CREATED, CREATED, () -> 0.0))
        .contains(CREATED.plusSeconds(40));
    assertThat(POLICY.nextAttempt(30, CREATED, CREATED, () -> 0.0))
        .contains(CREATED.plus(Duration.ofHours(1)));
    assertThat(POLICY.nextAttempt(3, CREATED, CREATED, () -> 1.0))
        .contains(CREATED.plusSeconds(28));
  }

  @Test
  void theLastAttemptIsAtThreeDaysAndAFailureThenGivesUp() {
    Instant almost = CREATED.plus(Duration.ofDays(3)).minusSeconds(60);
    assertThat(POLICY.nextAttempt(40, CREATED, almost, () -> 0.0))
        .contains(CREATED.plus(Duration.ofDays(3)));
    assertThat(POLICY.nextAttempt(41, CREATED, CREATED.plus(Duration.ofDays(3)), () -> 0.0))
        .isEmpty();
  }
}
