package com.reservas.consumer.support.loop;

import java.util.Objects;

/**
 * The identity of the event being answered: its outcomes derive their ids from it and carry its
 * trace context on.
 *
 * @param eventId the event's id
 * @param eventType the event's type, for logs
 * @param traceparent the W3C trace context; may be {@code null}
 */
public record EventSource(String eventId, String eventType, String traceparent) {

  /** Validates. */
  public EventSource {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
  }
}
