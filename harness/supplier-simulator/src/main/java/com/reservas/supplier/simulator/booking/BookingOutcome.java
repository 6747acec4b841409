package com.reservas.supplier.simulator.booking;

/**
 * The supplier's answer to a booking request. Rejections are answers, not exceptions: the caller
 * must turn each into a reply.
 */
public sealed interface BookingOutcome {

  /**
   * A car is booked.
   *
   * @param booking the booking as it is now (a replay may find it cancelled since)
   * @param replayed whether this answer was stored for an earlier request with the same id
   */
  record Confirmed(Booking booking, boolean replayed) implements BookingOutcome {}

  /** No booking; the same request id will get the same rejection. */
  record Rejected(String requestId, RejectionReason reason, String message, boolean replayed)
      implements BookingOutcome {

    Rejected asReplay() {
      return new Rejected(requestId, reason, message, true);
    }
  }

  /** The request id was already used for a different request; nothing was done. */
  record RequestIdReused(String requestId) implements BookingOutcome {}
}
