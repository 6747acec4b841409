package com.reservas.reservation.application.service;

import com.reservas.reservation.application.port.in.GetReservationUseCase;
import com.reservas.reservation.application.port.out.ReservationRepository;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.ReservationCode;
import reactor.core.publisher.Mono;

/** Reads a reservation for its owner; another client's reservation does not exist for them. */
public final class GetReservationService implements GetReservationUseCase {

  private final ReservationRepository reservations;

  public GetReservationService(ReservationRepository reservations) {
    this.reservations = reservations;
  }

  @Override
  public Mono<Reservation> find(String clientId, String code) {
    return Mono.justOrEmpty(ReservationCode.parse(code))
        .flatMap(reservations::findByCode)
        .filter(reservation -> reservation.clientId().equals(clientId));
  }
}
