package com.reservas.reservation.domain;

/** Where the supplier's car booking stands, shown beside the main status. */
public enum SupplierStatus {
  PENDING,
  REQUESTED,
  CONFIRMED,
  REJECTED,
  CANCELLED
}
