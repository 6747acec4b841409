package com.reservas.reservation.application.port.in;

import com.reservas.reservation.domain.Reservation;
import reactor.core.publisher.Mono;

/**
 * Read one reservation; a client only ever sees its own. Every read shows personal data, so every
 * successful read leaves a {@code reservation.read} audit record.
 */
public interface GetReservationUseCase {

  /**
   * Empty when the code is unknown or belongs to another client (indistinguishable on purpose).
   *
   * @param sourceIp where the request came from, for the audit log; {@code null} when unknown
   */
  Mono<Reservation> find(String clientId, String code, String sourceIp);
}
