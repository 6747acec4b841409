package com.reservas.payment.application.port.in;

/**
 * Incoming port: act on a reservation event (authorize, capture, void or refund, or nothing) and
 * publish the outcomes. Returns only after the outcomes are published.
 */
public interface HandleReservationEventUseCase {

  /**
   * Handles {@code event}.
   *
   * @throws InvalidReservationEventException if the snapshot cannot be acted on as it is (never
   *     succeeds on retry)
   * @throws com.reservas.payment.application.port.out.PaymentGatewayUnavailableException if Stripe
   *     could not be reached (retry later)
   */
  HandlingResult handle(ReservationEvent event);
}
