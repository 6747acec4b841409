package com.reservas.reservation.domain;

/** Where the supplier's car booking stands, shown beside the main status. */
public enum SupplierStatus {
  PENDING,
  REQUESTED,
  CONFIRMED,
  REJECTED,
  CANCELLED,
  /**
   * The supplier refused for good to cancel the booking of a cancelled reservation: the car's state
   * needs a person (listed by the stuck-reservation endpoint, never retried).
   */
  NEEDS_ATTENTION
}
