package com.reservas.reservation.application.port.out;

/** The generated reservation code is already taken; the caller draws another. */
public class DuplicateReservationCodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DuplicateReservationCodeException(String code, Throwable cause) {
    super("Reservation code " + code + " is already taken", cause);
  }
}
