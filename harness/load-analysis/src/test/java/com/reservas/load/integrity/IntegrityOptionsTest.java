package com.reservas.load.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntegrityOptionsTest {

  @Test
  void deadLettersFailTheCheckUnlessTheRunSaysTheFaultMakesThem() {
    assertThat(IntegrityOptions.parse(new String[] {}).deadLettersExpected()).isFalse();
    assertThat(
            IntegrityOptions.parse(new String[] {"--dead-letters", "forbidden"})
                .deadLettersExpected())
        .isFalse();
    assertThat(
            IntegrityOptions.parse(new String[] {"--dead-letters", "expected"})
                .deadLettersExpected())
        .isTrue();
    assertThatThrownBy(() -> IntegrityOptions.parse(new String[] {"--dead-letters", "yes"}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
