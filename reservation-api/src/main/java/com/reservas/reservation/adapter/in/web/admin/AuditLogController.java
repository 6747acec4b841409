package com.reservas.reservation.adapter.in.web.admin;

import com.reservas.reservation.adapter.in.web.Problems;
import com.reservas.reservation.application.port.in.AuditLogQuery;
import com.reservas.reservation.application.port.in.FieldError;
import com.reservas.reservation.application.port.out.AuditRecord;
import com.reservas.reservation.domain.ReservationCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Operators read the audit log of a reservation, with the key-administration or the operations
 * credential ({@code X-Admin-Token}).
 */
@RestController
@RequestMapping(path = "/admin/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasAnyRole('KEY_ADMINISTRATION', 'OPERATIONS')")
@Tag(name = "Operators: audit log", description = "Who did what to a reservation")
class AuditLogController {

  private final AuditLogQuery query;

  AuditLogController(AuditLogQuery query) {
    this.query = query;
  }

  /** One audit record as operators see it. */
  record AuditEntry(
      String occurredAt,
      String actor,
      String action,
      String reservationCode,
      String sourceIp,
      String details) {
    static AuditEntry of(AuditRecord r) {
      return new AuditEntry(
          r.occurredAt().toString(),
          r.actor(),
          r.action().code(),
          r.reservationCode(),
          r.sourceIp(),
          r.details());
    }
  }

  @Operation(
      summary = "The audit log of one reservation, oldest first",
      description = "Every create, read, cancellation and status change, with actor and address.")
  @GetMapping
  Mono<ResponseEntity<?>> ofReservation(
      @RequestParam(name = "reservation", required = false) String code,
      ServerWebExchange exchange) {
    if (ReservationCode.parse(code).isEmpty()) {
      return Mono.just(
          Problems.invalidInput(
              List.of(new FieldError("reservation", "must be a reservation code")), exchange));
    }
    return query
        .ofReservation(code)
        .map(records -> ResponseEntity.ok(records.stream().map(AuditEntry::of).toList()));
  }
}
