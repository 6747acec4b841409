package com.reservas.reservation.application.port.out;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The audit log. Records of changes are appended inside the transaction of the change, so a change
 * is never committed without its record, nor a record without its change.
 */
public interface AuditTrail {

  /** Appends the record, inside the caller's transaction when there is one. */
  Mono<Void> record(AuditRecord record);

  /** The records of one reservation, oldest first, at most {@code limit}. */
  Flux<AuditRecord> ofReservation(String reservationCode, int limit);

  /** Keeps nothing: for tools and tests that do not audit. Services pass a real one. */
  static AuditTrail none() {
    return new AuditTrail() {
      @Override
      public Mono<Void> record(AuditRecord record) {
        return Mono.empty();
      }

      @Override
      public Flux<AuditRecord> ofReservation(String reservationCode, int limit) {
        return Flux.empty();
      }
    };
  }
}
