package com.reservas.consumer.support.kafka;

import com.reservas.schemas.avro.EventMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes outcome events and waits for the broker's acknowledgement ({@code acks=all}, idempotent
 * producer), so that a listener returns, and its incoming record is acknowledged, only after its
 * outcome is safely in Kafka.
 *
 * <p>The record key is the reservation code; the headers {@code eventId}, {@code eventType} and
 * {@code traceparent} are copied from the event's {@code metadata} (build it with {@link
 * OutcomeEvents#metadata}, which carries the incoming trace context on).
 */
public class OutcomePublisher {

  private final KafkaOperations<Object, Object> kafka;
  private final Duration timeout;

  /**
   * @param kafka the template (its producer must serialize {@link SpecificRecord} values, e.g. the
   *     auto-configured one)
   * @param timeout how long to wait for the acknowledgement
   */
  public OutcomePublisher(KafkaOperations<Object, Object> kafka, Duration timeout) {
    this.kafka = Objects.requireNonNull(kafka, "kafka");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * Publishes {@code event} to {@code topic} under {@code key} and waits for the broker.
   *
   * @return the partition and offset it was written to
   * @throws OutcomePublishException if the broker does not acknowledge in time or refuses it
   * @throws IllegalArgumentException if the event has no {@code metadata}
   */
  public SendResult<Object, Object> publish(String topic, String key, SpecificRecord event) {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(event, "event");
    EventMetadata metadata = OutcomeEvents.metadataOf(event);
    RecordHeaders headers = new RecordHeaders();
    headers.add(EventHeaders.EVENT_ID, utf8(metadata.getEventId()));
    headers.add(EventHeaders.EVENT_TYPE, utf8(metadata.getEventType()));
    if (metadata.getTraceparent() != null) {
      headers.add(EventHeaders.TRACEPARENT, utf8(metadata.getTraceparent()));
    }
    ProducerRecord<Object, Object> record = new ProducerRecord<>(topic, null, key, event, headers);
    String what = metadata.getEventType() + " " + metadata.getEventId() + " to " + topic;
    try {
      return kafka.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OutcomePublishException("Interrupted while publishing " + what, e);
    } catch (ExecutionException e) {
      throw new OutcomePublishException(
          "Could not publish " + what + ": " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new OutcomePublishException("No acknowledgement within " + timeout + " for " + what, e);
    }
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
