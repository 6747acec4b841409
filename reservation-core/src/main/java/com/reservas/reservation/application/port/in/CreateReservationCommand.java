package com.reservas.reservation.application.port.in;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A client's request to reserve a car.
 *
 * @param idempotencyKey optional; the same key with the same request returns the first result
 * @param inputErrors errors the adapter found while reading the input (wrong types, unknown
 *     fields); they are reported with the semantic ones and nothing is written
 * @param traceparent optional W3C trace context carried into the events
 * @param sourceIp where the request came from, for the audit log; {@code null} when unknown
 */
public record CreateReservationCommand(
    String clientId,
    Optional<String> idempotencyKey,
    ReservationRequest request,
    List<FieldError> inputErrors,
    String traceparent,
    String sourceIp) {
  public CreateReservationCommand {
    requireNonNull(clientId, "clientId");
    requireNonNull(idempotencyKey, "idempotencyKey");
    requireNonNull(request, "request");
    inputErrors = List.copyOf(inputErrors);
  }

  /** A command from an unknown address (tools and tests). */
  public CreateReservationCommand(
      String clientId,
      Optional<String> idempotencyKey,
      ReservationRequest request,
      List<FieldError> inputErrors,
      String traceparent) {
    this(clientId, idempotencyKey, request, inputErrors, traceparent, null);
  }

  /** A command whose input was read without structural errors, from an unknown address. */
  public CreateReservationCommand(
      String clientId,
      Optional<String> idempotencyKey,
      ReservationRequest request,
      String traceparent) {
    this(clientId, idempotencyKey, request, List.of(), traceparent, null);
  }
}
