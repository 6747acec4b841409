package com.reservas.consumer.support.kafka;

import com.reservas.consumer.support.ConsumerProperties;
import com.reservas.consumer.support.loop.EventSource;
import com.reservas.consumer.support.loop.Handled;
import com.reservas.consumer.support.loop.ReservationEvent;
import com.reservas.consumer.support.loop.ReservationLoop;
import com.reservas.consumer.support.loop.UnprocessableEventException;
import com.reservas.schemas.avro.ReservationSnapshot;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The Kafka side of the consumer loop: reads {@code reservas.consumer.input-topic} (and this
 * group's retry topics) and hands every reservation snapshot to a {@link ReservationLoop}.
 * Returning normally commits the record, its outcomes published by then; an {@link
 * UnprocessableEventException} sends it straight to the dead-letter topic; any other exception to
 * the retry topics. Other records on the topic (a type added later, a tombstone) are skipped.
 *
 * <p>A consumer declares one as a bean; the listener id is the group id.
 *
 * @param <R> the consumer's reading of a snapshot
 */
public final class ReservationEventsListener<R> {

  private static final Logger log = LoggerFactory.getLogger(ReservationEventsListener.class);

  private final SnapshotReader<R> reader;
  private final ReservationLoop<R, ?, ?> loop;

  /** Reads snapshots with {@code reader} and hands them to {@code loop}. */
  public ReservationEventsListener(SnapshotReader<R> reader, ReservationLoop<R, ?, ?> loop) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.loop = Objects.requireNonNull(loop, "loop");
  }

  /** Handles one record. */
  @KafkaListener(
      id = ConsumerProperties.GROUP_ID,
      groupId = ConsumerProperties.GROUP_ID,
      topics = ConsumerProperties.INPUT_TOPIC)
  public void on(ConsumerRecord<String, SpecificRecord> record) {
    handle(IncomingEvent.from(record));
  }

  /** Handles one event (the listener without the record, for tests). */
  public void handle(IncomingEvent event) {
    Optional<ReservationSnapshot> snapshot = event.reservation();
    if (snapshot.isEmpty()) {
      log.debug(
          "{} {} for {}: not a reservation event", event.eventType(), event.eventId(), event.key());
      return;
    }
    EventSource source = new EventSource(event.eventId(), event.eventType(), event.traceparent());
    Handled handled;
    try {
      handled =
          loop.handle(
              new ReservationEvent<>(source, reader.read(snapshot.get()), event.isReminder()));
    } catch (UnprocessableEventException e) {
      throw new NonRetryableEventException(e.getMessage(), e);
    }
    if (handled.acted()) {
      // DEBUG, not INFO: a line per event costs the saga its masking and I/O at every step
      // (docs/performance.md); the outcome counters and the saga's trace say the same.
      log.debug(
          "{} {} for {} from {}: {} → {}",
          event.eventType(),
          event.eventId(),
          event.key(),
          event.topic(),
          handled.reason(),
          handled.published());
    } else {
      log.debug(
          "{} {} for {}: nothing to do ({})",
          event.eventType(),
          event.eventId(),
          event.key(),
          handled.reason());
    }
  }
}
