package com.reservas.reservation.application.port.out;

import com.reservas.reservation.domain.ReservationCode;

/** Draws a fresh random reservation code; a port so tests can force collisions. */
@FunctionalInterface
public interface ReservationCodeGenerator {
  ReservationCode next();
}
