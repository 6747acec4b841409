package com.reservas.reservation.application.service;

import com.reservas.reservation.application.port.in.AuditLogQuery;
import com.reservas.reservation.application.port.out.AuditRecord;
import com.reservas.reservation.application.port.out.AuditTrail;
import com.reservas.reservation.domain.ReservationCode;
import java.util.List;
import reactor.core.publisher.Mono;

/** Reads the audit log of one reservation for operators. */
public final class AuditLogService implements AuditLogQuery {

  private final AuditTrail audit;

  public AuditLogService(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public Mono<List<AuditRecord>> ofReservation(String reservationCode) {
    return Mono.justOrEmpty(ReservationCode.parse(reservationCode))
        .flatMap(code -> audit.ofReservation(code.value(), MAX_RECORDS).collectList())
        .defaultIfEmpty(List.of());
  }
}
