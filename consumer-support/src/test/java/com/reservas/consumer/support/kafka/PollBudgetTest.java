package com.reservas.consumer.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PollBudgetTest {

  @Test
  void unsetTheRecordsPerPollAreAsManyAsFitInHalfTheInterval() {
    // Kafka's default interval, 5 min: 150 s of budget.
    assertThat(PollBudget.maxPollRecords(Map.of(), Duration.ofSeconds(36))).isEqualTo(4);
    assertThat(
            PollBudget.maxPollRecords(
                Map.of("max.poll.interval.ms", "600000"), Duration.ofSeconds(20)))
        .isEqualTo(15);
    assertThat(PollBudget.maxPollRecords(Map.of(), Duration.ofMinutes(10))).isEqualTo(1);
  }

  @Test
  void aConfiguredValueThatFitsIsKept() {
    assertThat(PollBudget.maxPollRecords(Map.of("max.poll.records", 4), Duration.ofSeconds(36)))
        .isEqualTo(4);
  }

  @Test
  void kafkasDefaultOf500RecordsWithSecondsPerRecordStopsTheStart() {
    assertThatThrownBy(
            () ->
                PollBudget.maxPollRecords(
                    Map.of("max.poll.records", "500"), Duration.ofSeconds(36)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("spring.kafka.consumer.max-poll-records")
        .hasMessageContaining("reservas.consumer.slowest-record");
  }
}
