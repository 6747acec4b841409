package com.reservas.provider.domain;

/**
 * What we ask the supplier to do for a reservation. Each operation has one request id per
 * reservation, the supplier's idempotency key: however often an event is delivered, retried or
 * replayed, the same reservation sends the same request id, so the supplier books (or cancels) at
 * most once and answers every repetition with what it did the first time.
 */
public enum SupplierOperation {
  BOOK("book"),
  CANCEL("cancel");

  private final String suffix;

  SupplierOperation(String suffix) {
    this.suffix = suffix;
  }

  /** {@code K7P2QX9A-book}, {@code K7P2QX9A-cancel}. */
  public String requestIdFor(String reservationCode) {
    return reservationCode + "-" + suffix;
  }
}
