package com.reservas.provider.domain;

import com.reservas.consumer.support.loop.Decision;

/**
 * Decides from a reservation snapshot alone what to ask of the supplier (the saga's supplier step,
 * docs/spec.md §3): a {@code PAID} reservation whose supplier booking is {@code REQUESTED} is
 * booked; a {@code CANCELLED} reservation whose booking the supplier {@code CONFIRMED} is cancelled
 * with the supplier; a {@code CANCELLED} reservation whose booking is still {@code REQUESTED}
 * (cancelled or expired before the supplier's answer was recorded) is booked again under the same
 * request id, so the supplier answers what it did the first time and a booking it made is then
 * cancelled as a late one; anything else is not the supplier's business. Acting on the snapshot,
 * not on the event type, makes a late, repeated or replayed event harmless: it asks for what was
 * asked before, under the same request id. A booking asked for before (a reminder, or a cancelled
 * reservation still waiting for the answer) is first looked up by its request id: the supplier may
 * have forgotten the id, and would then book a second car.
 */
public final class SupplierTaskPolicy {

  static final String PAID = "PAID";
  static final String CANCELLED = "CANCELLED";
  static final String REQUESTED = "REQUESTED";
  static final String CONFIRMED = "CONFIRMED";

  /**
   * @param reminder the snapshot comes from the stuck-reservation policy's re-announcement
   */
  public Decision<SupplierTask> decide(ReservationSnapshot reservation, boolean reminder) {
    String status = reservation.status();
    String supplierStatus = reservation.supplierStatus();
    if ((PAID.equals(status) || CANCELLED.equals(status)) && REQUESTED.equals(supplierStatus)) {
      boolean askedBefore = reminder || CANCELLED.equals(status);
      return Decision.act(
          new SupplierTask.Book(BookingRequest.of(reservation), askedBefore),
          askedBefore ? "booking asked for before: look it up, else book" : "paid: book");
    }
    if (CANCELLED.equals(status) && CONFIRMED.equals(supplierStatus)) {
      return reservation
          .bookingReference()
          .map(
              reference ->
                  Decision.<SupplierTask>act(
                      new SupplierTask.Cancel(CancellationRequest.of(reservation, reference)),
                      "cancelled with a confirmed booking: cancel it"))
          .orElseGet(() -> Decision.skip("cancelled and confirmed but no booking reference"));
    }
    return Decision.skip("status " + status + " with supplier status " + supplierStatus);
  }
}
