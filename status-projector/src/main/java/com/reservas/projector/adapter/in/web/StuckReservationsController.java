package com.reservas.projector.adapter.in.web;

import com.reservas.reservation.application.port.in.StuckReservationsUseCase;
import com.reservas.reservation.domain.Reservation;
import com.reservas.starter.security.OperatorRole;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Operators see the reservations waiting too long, and can run the policy at once, with the
 * operations credential ({@code X-Admin-Token}); the security chain decides on the routed path and
 * the controller requires the role again itself. No personal data: code, statuses and times only.
 */
@RestController
@PreAuthorize(OperatorRole.HAS_OPERATIONS)
public class StuckReservationsController {

  private final StuckReservationsUseCase stuck;

  public StuckReservationsController(StuckReservationsUseCase stuck) {
    this.stuck = stuck;
  }

  record StuckView(
      String code,
      String status,
      String paymentStatus,
      String supplierStatus,
      String createdAt,
      String updatedAt) {}

  @GetMapping("/admin/stuck-reservations")
  Mono<ResponseEntity<List<StuckView>>> list() {
    return stuck
        .stuck()
        .map(
            list ->
                ResponseEntity.ok(list.stream().map(StuckReservationsController::view).toList()));
  }

  @PostMapping("/admin/stuck-reservations/resolution")
  Mono<ResponseEntity<StuckReservationsUseCase.Resolution>> resolve() {
    return stuck.resolve().map(ResponseEntity::ok);
  }

  private static StuckView view(Reservation r) {
    return new StuckView(
        r.code().value(),
        r.status().name(),
        r.paymentStatus().name(),
        r.supplierStatus().name(),
        r.createdAt().toString(),
        r.updatedAt().toString());
  }
}
