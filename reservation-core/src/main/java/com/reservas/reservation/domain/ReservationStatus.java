package com.reservas.reservation.domain;

/**
 * The reservation's main status. The declaration order is the order of progress: a reservation
 * never moves to an earlier one, and {@link #CANCELLED} is final.
 */
public enum ReservationStatus {
  CREATED,
  PAYMENT_IN_PROGRESS,
  PAID,
  SUPPLIER_CONFIRMED,
  CANCELLED;

  public boolean isFinal() {
    return this == CANCELLED;
  }
}
