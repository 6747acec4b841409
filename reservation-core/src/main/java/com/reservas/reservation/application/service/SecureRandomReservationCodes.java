package com.reservas.reservation.application.service;

import com.reservas.reservation.application.port.out.ReservationCodeGenerator;
import com.reservas.reservation.domain.ReservationCode;
import java.security.SecureRandom;

/** Codes from a cryptographically strong generator, so they cannot be guessed or enumerated. */
public final class SecureRandomReservationCodes implements ReservationCodeGenerator {

  private final SecureRandom random = new SecureRandom();

  @Override
  public ReservationCode next() {
    return ReservationCode.random(random);
  }
}
