package com.reservas.consumer.support.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The worst case of one poll must fit in {@code max.poll.interval.ms} with margin: a consumer that
 * takes longer between two polls is evicted from its group, its uncommitted records go to another
 * member, which is just as slow, and the group reprocesses the same poll for ever. Each record may
 * block for {@code reservas.consumer.slowest-record} at worst (every attempt of its external call
 * at its timeout, the waits between them, its publishes), so {@code max.poll.records} times that
 * must stay within half the interval. Unset, {@code max.poll.records} is derived from that rule;
 * set, it is checked at start, so a setting that could livelock never runs.
 */
public final class PollBudget {

  /** Kafka's default, used when the configuration leaves it out. */
  static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofMinutes(5);

  private PollBudget() {}

  /**
   * The {@code max.poll.records} to use: the configured one if its worst poll fits, else (unset)
   * the most that fit.
   *
   * @throws IllegalStateException naming the settings when a configured value does not fit
   */
  public static int maxPollRecords(Map<String, Object> consumerConfigs, Duration slowestRecord) {
    Duration budget =
        intValue(consumerConfigs.get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG))
            .map(Duration::ofMillis)
            .orElse(DEFAULT_MAX_POLL_INTERVAL)
            .dividedBy(2);
    Optional<Integer> configured =
        intValue(consumerConfigs.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG));
    if (configured.isEmpty()) {
      return (int) Math.max(1, budget.dividedBy(slowestRecord));
    }
    Duration worstPoll = slowestRecord.multipliedBy(configured.get());
    if (worstPoll.compareTo(budget) > 0) {
      throw new IllegalStateException(
          "The worst poll ("
              + configured.get()
              + " records (spring.kafka.consumer.max-poll-records) x "
              + slowestRecord
              + " (reservas.consumer.slowest-record) = "
              + worstPoll
              + ") does not fit in half of max.poll.interval.ms ("
              + budget
              + "): the consumer would be evicted and reprocess the same records for ever."
              + " Lower max-poll-records or raise max.poll.interval.ms.");
    }
    return configured.get();
  }

  private static Optional<Integer> intValue(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(
        value instanceof Number number ? number.intValue() : Integer.parseInt(value.toString()));
  }
}
