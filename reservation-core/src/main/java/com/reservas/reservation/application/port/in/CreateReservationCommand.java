package com.reservas.reservation.application.port.in;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A client's request to reserve a car.
 *
 * @param idempotencyKey optional; the same key with the same request returns the first result
 * @param traceparent optional W3C trace context carried into the events
 */
public record CreateReservationCommand(
    String clientId,
    Optional<String> idempotencyKey,
    ReservationRequest request,
    String traceparent) {
  public CreateReservationCommand {
    requireNonNull(clientId, "clientId");
    requireNonNull(idempotencyKey, "idempotencyKey");
    requireNonNull(request, "request");
  }
}
