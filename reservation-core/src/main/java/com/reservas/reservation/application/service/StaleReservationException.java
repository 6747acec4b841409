package com.reservas.reservation.application.service;

/**
 * Another writer changed the reservation between our read and our compare-and-set write. The whole
 * transaction is rolled back and retried from a fresh read.
 */
public class StaleReservationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StaleReservationException(String code, long expectedVersion) {
    super("Reservation " + code + " is no longer at version " + expectedVersion);
  }
}
