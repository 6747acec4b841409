package com.reservas.consumer.support.kafka;

import com.reservas.schemas.avro.EventMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Identity of outcome events. An outcome's id is derived from the event it answers, so a
 * redelivered or replayed input yields an outcome with the same id, and the status projector (which
 * deduplicates by event id) applies it once.
 */
public final class OutcomeEvents {

  private static final String METADATA_FIELD = "metadata";

  private OutcomeEvents() {}

  /**
   * {@code UUID.nameUUIDFromBytes(sourceEventId + ":" + operation + ":" + outcome)} as a string.
   *
   * @param sourceEventId the id of the event being answered
   * @param operation what was done, e.g. {@code authorize}
   * @param outcome the outcome's event type, e.g. {@code PaymentAuthorized}
   */
  public static String outcomeEventId(String sourceEventId, String operation, String outcome) {
    Objects.requireNonNull(sourceEventId, "sourceEventId");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(outcome, "outcome");
    String name = sourceEventId + ":" + operation + ":" + outcome;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * The metadata of the outcome of type {@code outcomeType} of {@code operation} on {@code source}:
   * the deterministic id, the type's simple name, {@code occurredAt}, and the source's trace
   * context.
   */
  public static EventMetadata metadata(
      IncomingEvent source,
      String operation,
      Class<? extends SpecificRecord> outcomeType,
      Instant occurredAt) {
    return metadata(source.eventId(), source.traceparent(), operation, outcomeType, occurredAt);
  }

  /**
   * The same from the source event's id and trace context, for code that keeps those rather than
   * the {@link IncomingEvent}.
   *
   * @param traceparent the source's W3C trace context; may be {@code null}
   */
  public static EventMetadata metadata(
      String sourceEventId,
      String traceparent,
      String operation,
      Class<? extends SpecificRecord> outcomeType,
      Instant occurredAt) {
    String eventType = outcomeType.getSimpleName();
    return EventMetadata.newBuilder()
        .setEventId(outcomeEventId(sourceEventId, operation, eventType))
        .setEventType(eventType)
        .setOccurredAt(occurredAt)
        .setTraceparent(traceparent)
        .build();
  }

  /** The {@code metadata} field of one of our events, if it has one. */
  public static Optional<EventMetadata> findMetadata(SpecificRecord event) {
    if (event == null) {
      return Optional.empty();
    }
    Schema.Field field = event.getSchema().getField(METADATA_FIELD);
    if (field == null) {
      return Optional.empty();
    }
    return event.get(field.pos()) instanceof EventMetadata metadata
        ? Optional.of(metadata)
        : Optional.empty();
  }

  /**
   * The {@code metadata} field of one of our events.
   *
   * @throws IllegalArgumentException if the record has no {@code EventMetadata metadata} field
   */
  public static EventMetadata metadataOf(SpecificRecord event) {
    return findMetadata(event)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    event.getSchema().getFullName() + " has no EventMetadata 'metadata' field"));
  }
}
