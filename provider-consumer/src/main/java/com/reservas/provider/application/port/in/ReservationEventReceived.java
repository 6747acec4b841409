package com.reservas.provider.application.port.in;

import static java.util.Objects.requireNonNull;

import com.reservas.provider.domain.ReservationSnapshot;

/**
 * A reservation event as this consumer needs it: its identity and trace context, and the snapshot
 * of the reservation it carries.
 *
 * @param traceparent W3C trace context of the operation that produced the event, or {@code null}
 * @param reminder a re-announcement of an unchanged status by the stuck-reservation policy: the
 *     question it asks was asked before
 */
public record ReservationEventReceived(
    String eventId,
    String eventType,
    String traceparent,
    ReservationSnapshot reservation,
    boolean reminder) {

  public ReservationEventReceived {
    requireNonNull(eventId, "eventId");
    requireNonNull(eventType, "eventType");
    requireNonNull(reservation, "reservation");
  }
}
