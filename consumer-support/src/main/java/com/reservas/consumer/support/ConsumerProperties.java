package com.reservas.consumer.support;

import com.reservas.schemas.Topics;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of a consumer of {@code reservations.events}, or of several topics with in-place
 * retries (the status projector) ({@code reservas.consumer.*}), validated at start-up. Kafka
 * connection settings stay under Spring Boot's {@code spring.kafka.*} (bootstrap servers, security,
 * {@code spring.kafka.listener.concurrency}...).
 *
 * @param groupId the consumer group; also part of the retry and dead-letter topic names, so two
 *     consumer groups of the same input topic never share them. Required.
 * @param inputTopic the topic consumed; default {@code reservations.events}
 * @param inputTopics the topics consumed, for a service with several (in-place retries only, e.g.
 *     the status projector); when set, {@code inputTopic} is not used
 * @param outcomeTopic the topic outcomes are published to (e.g. {@code payments.events}). Required
 *     unless {@code retry.mode} is {@code in-place} (the status projector publishes none)
 * @param publishTimeout how long {@link
 *     com.reservas.consumer.support.kafka.OutcomePublisher#publish} waits for the broker's
 *     acknowledgement; default 10 s
 * @param slowestRecord the longest handling one record can take at worst (every attempt of its
 *     external call at its timeout, the waits between them, its publishes at {@code
 *     publishTimeout}); {@code spring.kafka.consumer.max-poll-records} times this must fit in half
 *     of {@code max.poll.interval.ms}: derived from it when unset, checked at start when set
 *     ({@link com.reservas.consumer.support.kafka.PollBudget}); default 40 s
 * @param retry retries: through retry topics (default) or in place
 * @param deadLetter the dead-letter topic and its replay
 * @param audit recording of external calls
 * @param lagInterval how often the group's lag per partition ({@code reservas.consumer.lag}) is
 *     read from the broker; default 15 s, Prometheus' usual scrape interval
 * @param commitInterval how long handled records' offsets may wait before they are committed: at
 *     most one offset commit per interval and consumer instead of one per poll (at a few records
 *     per poll, nearly one per record: a tenth of the platform's CPU at 30 creations/s,
 *     docs/performance.md), at the price of redelivering up to that interval's records after a
 *     crash, which handling makes harmless (idempotent); 0 commits after every poll; default 1 s
 */
@ConfigurationProperties("reservas.consumer")
@Validated
public record ConsumerProperties(
    @NotBlank String groupId,
    @DefaultValue(Topics.RESERVATIONS) @NotBlank String inputTopic,
    @DefaultValue List<@NotBlank String> inputTopics,
    String outcomeTopic,
    @DefaultValue("10s") @NotNull Duration publishTimeout,
    @DefaultValue("40s") @NotNull Duration slowestRecord,
    @DefaultValue @Valid Retry retry,
    @DefaultValue @Valid DeadLetter deadLetter,
    @DefaultValue @Valid Audit audit,
    @DefaultValue("15s") @NotNull Duration lagInterval,
    @DefaultValue("1s") @NotNull Duration commitInterval) {

  /**
   * The group id as a property placeholder, for listeners: {@code @KafkaListener(id = "...",
   * groupId = ConsumerProperties.GROUP_ID, topics = ConsumerProperties.INPUT_TOPIC)}. Without it
   * spring-kafka would use the listener id as the group; the auto-configuration refuses to start a
   * container whose group is not {@code reservas.consumer.group-id}.
   */
  public static final String GROUP_ID = "${reservas.consumer.group-id}";

  /**
   * The input topic as a property placeholder with its default, for listeners:
   * {@code @KafkaListener(id = "...", topics = ConsumerProperties.INPUT_TOPIC)}.
   */
  public static final String INPUT_TOPIC =
      "${reservas.consumer.input-topic:" + Topics.RESERVATIONS + "}";

  /** The topics consumed: {@code input-topics} if set, else {@code input-topic}. */
  public List<String> topics() {
    return inputTopics.isEmpty() ? List.of(inputTopic) : List.copyOf(inputTopics);
  }

  /** Services that publish outcomes (every one with retry topics) name their topic. */
  @AssertTrue(message = "outcome-topic is required unless retry.mode is in-place")
  public boolean isOutcomeTopicSet() {
    return retry.mode() == Retry.Mode.IN_PLACE || (outcomeTopic != null && !outcomeTopic.isBlank());
  }

  /** Retry topics follow {@code input-topic}: {@code input-topics} needs in-place retries. */
  @AssertTrue(message = "input-topics needs retry.mode in-place (retry topics follow input-topic)")
  public boolean isInputTopicsInPlace() {
    return retry.mode() == Retry.Mode.IN_PLACE || inputTopics.isEmpty();
  }

  /**
   * The suffix of this group's retry topics: {@code <inputTopic>-<groupId>-retry-<n>}, n = 0, 1...
   */
  public String retryTopicSuffix() {
    return "-" + groupId + "-retry";
  }

  /** The suffix of this group's dead-letter topic. */
  public String deadLetterTopicSuffix() {
    return "-" + groupId + "-dlt";
  }

  /** {@code <inputTopic>-<groupId>-dlt}, e.g. {@code reservations.events-payment-consumer-dlt}. */
  public String deadLetterTopic() {
    return deadLetterTopic(inputTopic);
  }

  /** {@code <topic>-<groupId>-dlt}, e.g. {@code payments.events-status-projector-dlt}. */
  public String deadLetterTopic(String topic) {
    return topic + deadLetterTopicSuffix();
  }

  /** The name of the i-th retry topic (0-based). */
  public String retryTopic(int index) {
    return inputTopic + retryTopicSuffix() + "-" + index;
  }

  /**
   * Retries of a record whose processing throws, in one of two modes:
   *
   * <ul>
   *   <li>{@code topics} (default, non-blocking): the record goes to the next retry topic and is
   *       consumed again after the delay; after {@code attempts} deliveries in all it goes to the
   *       dead-letter topic. One retry topic per distinct delay, the last one reused for the
   *       repeated maximum.
   *   <li>{@code in-place} (blocking): the record is redelivered from its own partition after the
   *       delay, without limit ({@code attempts} is not used), so the order of a key's records is
   *       kept and an outage of the dependency pauses the partition instead of skipping records. No
   *       retry topics.
   * </ul>
   *
   * In both, delays grow from {@code initialDelay} by {@code multiplier} up to {@code maxDelay},
   * and a record that cannot be deserialized or throws {@link
   * com.reservas.consumer.support.kafka.NonRetryableEventException} goes to the dead-letter topic
   * at once.
   *
   * @param mode {@code topics} or {@code in-place}; default {@code topics}
   * @param attempts deliveries in all, the first one included; default 10 (1, 2, 4, 8, 16, 30, 30,
   *     30, 30 s: about 150 s of waiting, so a one-minute outage of a dependency, plus the time its
   *     circuit breaker stays open, loses nothing)
   * @param initialDelay delay before the first retry; default 1 s
   * @param multiplier growth of the delay; default 2.0
   * @param maxDelay largest delay; default 30 s
   * @param topicPartitions partitions of the retry and dead-letter topics created at start-up;
   *     default 3 (give them as many as the input topic so that replicas scale alike)
   * @param topicReplicationFactor replication factor of those topics; default -1 (broker default)
   * @param concurrency consumers per retry and dead-letter topic in each instance; default 1 (they
   *     carry only the few records that failed; {@code spring.kafka.listener.concurrency} sizes the
   *     input topic's consumers)
   */
  public record Retry(
      @DefaultValue("topics") @NotNull Mode mode,
      @DefaultValue("10") @Min(1) int attempts,
      @DefaultValue("1s") @NotNull Duration initialDelay,
      @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
      @DefaultValue("30s") @NotNull Duration maxDelay,
      @DefaultValue("3") @Min(1) int topicPartitions,
      @DefaultValue("-1") short topicReplicationFactor,
      @DefaultValue("1") @Min(1) int concurrency) {

    /** Where a failed record waits for its next attempt. */
    public enum Mode {
      /** In retry topics, while the partition goes on. */
      TOPICS,
      /** In its own partition, which waits. */
      IN_PLACE
    }
  }

  /**
   * The dead-letter topic and its replay endpoint ({@code POST /admin/dead-letters/replay}, for the
   * operations credential {@code reservas.operator.operations-token}).
   *
   * @param replayTimeout the longest a replay reads the dead-letter topic; default 30 s
   */
  public record DeadLetter(@DefaultValue("30s") @NotNull Duration replayTimeout) {}

  /**
   * Recording of external calls ({@code ExternalCall} in the outcome events).
   *
   * @param maxBodyLength request and response bodies are masked, then cut to this many characters
   *     (a cut body ends with {@code …[truncated]}); default 4096
   */
  public record Audit(@DefaultValue("4096") @Min(64) int maxBodyLength) {}
}
