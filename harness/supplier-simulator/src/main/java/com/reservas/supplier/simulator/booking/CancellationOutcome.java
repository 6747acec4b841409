package com.reservas.supplier.simulator.booking;

/** The supplier's answer to a cancellation. Cancelling twice is not an error. */
public sealed interface CancellationOutcome {

  /**
   * The booking is cancelled and its car free again.
   *
   * @param alreadyCancelled whether an earlier cancellation did it
   */
  record Cancelled(Booking booking, boolean alreadyCancelled) implements CancellationOutcome {}

  /** No booking has that reference. */
  record NotFound(String bookingReference) implements CancellationOutcome {}

  /** The cancellation request id was already used to cancel another booking; nothing was done. */
  record RequestIdReused(String requestId, String usedForBookingReference)
      implements CancellationOutcome {}
}
