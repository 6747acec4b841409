package com.reservas.consumer.support.kafka;

import com.reservas.schemas.avro.EventMetadata;
import com.reservas.schemas.avro.ReservationCancelled;
import com.reservas.schemas.avro.ReservationCreated;
import com.reservas.schemas.avro.ReservationSnapshot;
import com.reservas.schemas.avro.ReservationStatusChanged;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * An event read from Kafka, with what its outcomes need: the id they are derived from and the trace
 * context they carry on.
 *
 * @param topic the topic it was read from (a retry topic when it is being retried)
 * @param key the record key, the reservation code
 * @param eventId the {@code eventId} header, else {@code metadata.eventId}, else {@code
 *     <topic>-<partition>@<offset>}
 * @param eventType the {@code eventType} header, else {@code metadata.eventType}, else the record's
 *     simple name
 * @param traceparent the {@code traceparent} header, else {@code metadata.traceparent}; may be
 *     {@code null}
 * @param payload the deserialized event; {@code null} for a tombstone
 */
public record IncomingEvent(
    String topic,
    String key,
    String eventId,
    String eventType,
    String traceparent,
    SpecificRecord payload) {

  /** Reads the identity and trace context of {@code record}. */
  public static IncomingEvent from(ConsumerRecord<String, ? extends SpecificRecord> record) {
    SpecificRecord payload = record.value();
    Optional<EventMetadata> metadata = OutcomeEvents.findMetadata(payload);
    String eventId =
        EventHeaders.lastValue(record.headers(), EventHeaders.EVENT_ID)
            .or(() -> metadata.map(EventMetadata::getEventId))
            .orElseGet(() -> record.topic() + "-" + record.partition() + "@" + record.offset());
    String eventType =
        EventHeaders.lastValue(record.headers(), EventHeaders.EVENT_TYPE)
            .or(() -> metadata.map(EventMetadata::getEventType))
            .orElseGet(() -> payload == null ? "tombstone" : simpleName(payload.getSchema()));
    String traceparent =
        EventHeaders.lastValue(record.headers(), EventHeaders.TRACEPARENT)
            .or(() -> metadata.map(EventMetadata::getTraceparent))
            .orElse(null);
    return new IncomingEvent(
        record.topic(), record.key(), eventId, eventType, traceparent, payload);
  }

  /**
   * The reservation snapshot a reservation event carries; empty for anything else on the topic (a
   * type added later, a tombstone), which is not a consumer's business.
   */
  public Optional<ReservationSnapshot> reservation() {
    if (payload instanceof ReservationCreated created) {
      return Optional.of(created.getReservation());
    }
    if (payload instanceof ReservationStatusChanged changed) {
      return Optional.of(changed.getReservation());
    }
    if (payload instanceof ReservationCancelled cancelled) {
      return Optional.of(cancelled.getReservation());
    }
    return Optional.empty();
  }

  /**
   * Whether this is a reminder: the stuck-reservation policy re-announces a reservation whose
   * answer is overdue as a change to the same status. Only a reminder (or a cancellation) asks a
   * consumer to repeat a call it made for the first announcement of that status.
   */
  public boolean isReminder() {
    return payload instanceof ReservationStatusChanged changed
        && changed.getPreviousStatus().equals(changed.getReservation().getStatus());
  }

  private static String simpleName(Schema schema) {
    return schema.getName();
  }
}
