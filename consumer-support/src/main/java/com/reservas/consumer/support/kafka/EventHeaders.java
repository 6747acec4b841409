package com.reservas.consumer.support.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Names of the Kafka headers every event carries (docs/spec.md §5), the same the outbox relay
 * writes: the event id (deduplication), its type (simple record name) and the W3C trace context.
 */
public final class EventHeaders {

  /** The event's id, as in {@code metadata.eventId}. */
  public static final String EVENT_ID = "eventId";

  /** The event's type, the simple name of its record, as in {@code metadata.eventType}. */
  public static final String EVENT_TYPE = "eventType";

  /** The W3C {@code traceparent} of the trace the event belongs to. */
  public static final String TRACEPARENT = "traceparent";

  private EventHeaders() {}

  /** The UTF-8 value of the last header called {@code name}, if any. */
  public static Optional<String> lastValue(Headers headers, String name) {
    if (headers == null) {
      return Optional.empty();
    }
    Header header = headers.lastHeader(name);
    if (header == null || header.value() == null) {
      return Optional.empty();
    }
    return Optional.of(new String(header.value(), StandardCharsets.UTF_8));
  }
}
