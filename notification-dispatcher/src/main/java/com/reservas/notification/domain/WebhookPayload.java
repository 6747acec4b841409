package com.reservas.notification.domain;

import com.reservas.reservation.domain.webhook.WebhookEvents;
import java.time.Instant;

/**
 * The body of a {@code reservation.status_changed} delivery, written once when the delivery is
 * recorded and sent byte for byte on every attempt (the signature covers these bytes).
 */
public final class WebhookPayload {

  private WebhookPayload() {}

  /** The JSON body of the event {@code eventId} about {@code change}. */
  public static String json(String eventId, Instant createdAt, ReservationChange change) {
    return "{\"id\":"
        + quote(eventId)
        + ",\"type\":"
        + quote(WebhookEvents.STATUS_CHANGED)
        + ",\"createdAt\":"
        + quote(createdAt.toString())
        + ",\"data\":{\"code\":"
        + quote(change.code())
        + ",\"status\":"
        + quote(change.status())
        + ",\"paymentStatus\":"
        + quote(change.paymentStatus())
        + ",\"supplierStatus\":"
        + quote(change.supplierStatus())
        + ",\"at\":"
        + quote(change.at().toString())
        + ",\"reason\":"
        + quote(change.reason())
        + "}}";
  }

  static String quote(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
