package com.reservas.payment.application.port.in;

import com.reservas.payment.domain.ReservationPayment;
import java.util.Objects;

/**
 * A reservation event as the payment consumer sees it: where it comes from, and the snapshot.
 *
 * @param source the event's identity
 * @param reservation the reservation snapshot it carries
 * @param reminder a re-announcement of an unchanged status by the stuck-reservation policy: the
 *     answer to a call made for the first announcement never reached the projector
 */
public record ReservationEvent(
    EventContext source, ReservationPayment reservation, boolean reminder) {

  /** Validates. */
  public ReservationEvent {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reservation, "reservation");
  }
}
