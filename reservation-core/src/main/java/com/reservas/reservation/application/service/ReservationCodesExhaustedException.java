package com.reservas.reservation.application.service;

/**
 * Every drawn code collided with a stored one. With 36^8 codes this means the code space is nearly
 * full or the generator is broken; either way an operator must look.
 */
public class ReservationCodesExhaustedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReservationCodesExhaustedException(int attempts, Throwable lastCollision) {
    super("No free reservation code after " + attempts + " attempts", lastCollision);
  }
}
