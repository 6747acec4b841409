package com.reservas.projector.adapter.in.web;

import com.reservas.reservation.application.port.in.StuckReservationsUseCase;
import com.reservas.reservation.domain.Reservation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Operators see the reservations waiting too long, and can run the policy at once, with the admin
 * token. No personal data: code, statuses and times only.
 */
@RestController
public class StuckReservationsController {

  private final StuckReservationsUseCase stuck;
  private final String adminToken;

  public StuckReservationsController(StuckReservationsUseCase stuck, String adminToken) {
    this.stuck = stuck;
    this.adminToken = adminToken;
  }

  record StuckView(
      String code,
      String status,
      String paymentStatus,
      String supplierStatus,
      String createdAt,
      String updatedAt) {}

  @GetMapping("/admin/stuck-reservations")
  Mono<ResponseEntity<List<StuckView>>> list(
      @RequestHeader(name = "X-Admin-Token", required = false) String token) {
    if (!authorized(token)) {
      return Mono.just(ResponseEntity.status(HttpStatus.FORBIDDEN).build());
    }
    return stuck
        .stuck()
        .map(
            list ->
                ResponseEntity.ok(list.stream().map(StuckReservationsController::view).toList()));
  }

  @PostMapping("/admin/stuck-reservations/resolution")
  Mono<ResponseEntity<StuckReservationsUseCase.Resolution>> resolve(
      @RequestHeader(name = "X-Admin-Token", required = false) String token) {
    if (!authorized(token)) {
      return Mono.just(ResponseEntity.status(HttpStatus.FORBIDDEN).build());
    }
    return stuck.resolve().map(ResponseEntity::ok);
  }

  private boolean authorized(String token) {
    return adminToken != null
        && !adminToken.isBlank()
        && token != null
        && MessageDigest.isEqual(
            adminToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
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
