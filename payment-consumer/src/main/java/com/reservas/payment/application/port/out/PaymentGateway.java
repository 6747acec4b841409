package com.reservas.payment.application.port.out;

import com.reservas.payment.domain.Money;

/**
 * Outgoing port to the payment provider (Stripe). Each method is idempotent under its key: called
 * again with the same key and parameters, it returns the same answer and moves no money twice.
 *
 * <p>Every method throws {@link PaymentGatewayUnavailableException} when the provider cannot be
 * reached (after the in-process retries, or with the circuit breaker open); a capture, void or
 * refund the provider refuses for good is answered as a {@code PaymentOutcome.Refused}.
 */
public interface PaymentGateway {

  /**
   * Authorizes {@code amount} on the card: {@code Authorized}, {@code Declined} or {@code Failed}.
   */
  GatewayResponse authorize(
      String idempotencyKey, String reservationCode, Money amount, String paymentMethodToken);

  /**
   * Finds the authorization made for the reservation by its {@code reservation_code} metadata, for
   * a question repeated after Stripe may have forgotten the idempotency key (24 hours): asking
   * again under an expired key would make a second PaymentIntent.
   *
   * @param amount the reservation's price, reported with an authorization found
   */
  AuthorizationLookup findAuthorization(String reservationCode, Money amount);

  /** Captures the authorization: {@code Captured}. */
  GatewayResponse capture(String idempotencyKey, String reservationCode, String paymentIntentId);

  /**
   * Cancels the authorization: {@code Voided}, or {@code AlreadyCaptured} when it was captured in
   * the meantime.
   */
  GatewayResponse voidAuthorization(
      String idempotencyKey, String reservationCode, String paymentIntentId);

  /** Refunds the captured amount in full: {@code Refunded}. */
  GatewayResponse refund(String idempotencyKey, String reservationCode, String paymentIntentId);
}
