package com.reservas.payment.application.port.in;

import java.util.Objects;

/**
 * The identity of the event being handled, which its outcomes derive theirs from.
 *
 * @param eventId the event's id
 * @param eventType the event's type
 * @param traceparent the W3C trace context, carried on to the outcomes; may be {@code null}
 */
public record EventContext(String eventId, String eventType, String traceparent) {

  /** Validates. */
  public EventContext {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
  }
}
