package com.reservas.consumer.support.kafka;

import com.reservas.privacy.PersonalDataMasker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Logs each dead letter (id, type, key and the masked error; never the payload) and counts it in
 * {@code reservas.consumer.dead.letters{group,topic}} (topic: the dead-letter topic; the known ones
 * are counted from zero at start-up, so an alert sees them before the first dead letter): as the
 * listener of the dead-letter topic with retry topics ({@link #onDeadLetter}), as the error handler
 * sends it with in-place retries ({@link #onDeadLettered}). The record stays in the topic until it
 * is replayed.
 */
public class DeadLetterLogger {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterLogger.class);

  private final PersonalDataMasker masker;
  private final MeterRegistry registry;
  private final String groupId;
  private final ConcurrentMap<String, Counter> deadLettersByTopic = new ConcurrentHashMap<>();

  /** A logger counting into {@code registry}, from zero for each of {@code deadLetterTopics}. */
  public DeadLetterLogger(
      PersonalDataMasker masker,
      MeterRegistry registry,
      String groupId,
      List<String> deadLetterTopics) {
    this.masker = masker;
    this.registry = registry;
    this.groupId = groupId;
    deadLetterTopics.forEach(this::deadLetters);
  }

  private Counter deadLetters(String deadLetterTopic) {
    return deadLettersByTopic.computeIfAbsent(
        deadLetterTopic,
        topic ->
            Counter.builder("reservas.consumer.dead.letters")
                .description("Records sent to the dead-letter topic")
                .tag("group", groupId)
                .tag("topic", topic)
                .register(registry));
  }

  /** Called by spring-kafka for every record of the dead-letter topic. */
  public void onDeadLetter(ConsumerRecord<?, ?> record) {
    Headers headers = record.headers();
    log(
        record.topic(),
        record.topic() + "-" + record.partition() + "@" + record.offset(),
        record,
        EventHeaders.lastValue(headers, KafkaHeaders.EXCEPTION_FQCN)
            .or(() -> EventHeaders.lastValue(headers, KafkaHeaders.DLT_EXCEPTION_FQCN))
            .orElse("?"),
        EventHeaders.lastValue(headers, KafkaHeaders.EXCEPTION_MESSAGE)
            .or(() -> EventHeaders.lastValue(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
            .orElse(""));
  }

  /**
   * Called when the in-place error handler has sent {@code record} (of an input topic) to {@code
   * deadLetterTopic} because of {@code exception}.
   */
  public void onDeadLettered(
      ConsumerRecord<?, ?> record, String deadLetterTopic, Exception exception) {
    Throwable cause = exception;
    // the container wraps the listener's exception
    while (cause.getCause() != null
        && cause.getClass().getName().startsWith("org.springframework.kafka.listener.")) {
      cause = cause.getCause();
    }
    log(
        deadLetterTopic,
        deadLetterTopic
            + " from "
            + record.topic()
            + "-"
            + record.partition()
            + "@"
            + record.offset(),
        record,
        cause.getClass().getName(),
        String.valueOf(cause.getMessage()));
  }

  private void log(
      String deadLetterTopic,
      String where,
      ConsumerRecord<?, ?> record,
      String exception,
      String message) {
    deadLetters(deadLetterTopic).increment();
    Headers headers = record.headers();
    log.warn(
        "Dead letter {}: {} {} for {} after {}: {}",
        where,
        EventHeaders.lastValue(headers, EventHeaders.EVENT_TYPE).orElse("?"),
        EventHeaders.lastValue(headers, EventHeaders.EVENT_ID).orElse("?"),
        record.key(),
        exception,
        masker.maskText(message));
  }
}
