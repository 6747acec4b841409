package com.reservas.reservation.application.port.in;

import com.reservas.reservation.domain.Reservation;
import reactor.core.publisher.Mono;

/** Read one reservation; a client only ever sees its own. */
public interface GetReservationUseCase {

  /** Empty when the code is unknown or belongs to another client (indistinguishable on purpose). */
  Mono<Reservation> find(String clientId, String code);
}
