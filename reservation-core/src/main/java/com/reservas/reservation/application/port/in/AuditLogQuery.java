package com.reservas.reservation.application.port.in;

import com.reservas.reservation.application.port.out.AuditRecord;
import java.util.List;
import reactor.core.publisher.Mono;

/** Operators read who did what to a reservation. */
public interface AuditLogQuery {

  /** Most records returned for one reservation. */
  int MAX_RECORDS = 1_000;

  /** The reservation's audit records, oldest first (empty for an unknown or malformed code). */
  Mono<List<AuditRecord>> ofReservation(String reservationCode);
}
