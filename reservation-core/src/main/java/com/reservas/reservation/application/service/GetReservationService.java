package com.reservas.reservation.application.service;

import com.reservas.reservation.application.port.in.GetReservationUseCase;
import com.reservas.reservation.application.port.out.AuditTrail;
import com.reservas.reservation.application.port.out.ReservationRepository;
import com.reservas.reservation.domain.Reservation;
import com.reservas.reservation.domain.ReservationCode;
import java.time.Clock;
import reactor.core.publisher.Mono;

/**
 * Reads a reservation for its owner; another client's reservation does not exist for them. The
 * reservation is only shown once its {@code reservation.read} audit record is written: a read that
 * cannot be audited fails.
 */
public final class GetReservationService implements GetReservationUseCase {

  private final ReservationRepository reservations;
  private final AuditTrail audit;
  private final Clock clock;

  public GetReservationService(ReservationRepository reservations, AuditTrail audit, Clock clock) {
    this.reservations = reservations;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public Mono<Reservation> find(String clientId, String code, String sourceIp) {
    return Mono.justOrEmpty(ReservationCode.parse(code))
        .flatMap(reservations::findByCode)
        .filter(reservation -> reservation.clientId().equals(clientId))
        .flatMap(
            reservation ->
                audit
                    .record(
                        AuditRecords.read(reservation, clientId, sourceIp, clock.instant(), null))
                    .thenReturn(reservation));
  }
}
