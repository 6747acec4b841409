package com.reservas.reservation.application.port.in;

import com.reservas.reservation.domain.Reservation;
import reactor.core.publisher.Mono;

/** The customer cancels; money and car are released by the services reacting to the event. */
public interface CancelReservationUseCase {

  Mono<CancellationResult> cancel(CancelReservationCommand command);

  /**
   * Who cancels which reservation, and why.
   *
   * @param sourceIp where the request came from, for the audit log; {@code null} when unknown
   */
  record CancelReservationCommand(
      String clientId, String code, String reason, String traceparent, String sourceIp) {

    /** A cancellation from an unknown address (tools and tests). */
    public CancelReservationCommand(
        String clientId, String code, String reason, String traceparent) {
      this(clientId, code, reason, traceparent, null);
    }
  }

  /** Every way a cancellation can end. */
  sealed interface CancellationResult {
    /** Cancelled now. */
    record Accepted(Reservation reservation) implements CancellationResult {}

    /** No such reservation for this client. */
    record NotFound() implements CancellationResult {}

    /** Already cancelled, or the pickup time has passed. */
    record NotCancellable(String why) implements CancellationResult {}
  }
}
