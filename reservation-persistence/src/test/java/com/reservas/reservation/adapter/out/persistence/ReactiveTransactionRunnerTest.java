package com.reservas.reservation.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcTransientResourceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.TransientDataAccessResourceException;

class ReactiveTransactionRunnerTest {

  @Test
  void aDeadlockVictimIsRecognisedThroughSpringsTranslation() {
    var deadlock =
        new R2dbcTransientResourceException(
            "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);

    assertThat(ReactiveTransactionRunner.isDeadlock(deadlock)).isTrue();
    assertThat(
            ReactiveTransactionRunner.isDeadlock(
                new TransientDataAccessResourceException("execute", deadlock)))
        .isTrue();
    assertThat(
            ReactiveTransactionRunner.isDeadlock(
                new R2dbcTransientResourceException("Lock wait timeout", "HY000", 1205)))
        .isFalse();
    assertThat(ReactiveTransactionRunner.isDeadlock(new IllegalStateException("no"))).isFalse();
  }
}
