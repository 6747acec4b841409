package com.reservas.payment.application.service;

import com.reservas.consumer.support.loop.HttpExchange;
import com.reservas.payment.application.port.in.HandleReservationEventUseCase;
import com.reservas.payment.application.port.in.HandlingResult;
import com.reservas.payment.application.port.in.InvalidReservationEventException;
import com.reservas.payment.application.port.in.ReservationEvent;
import com.reservas.payment.application.port.out.AuthorizationLookup;
import com.reservas.payment.application.port.out.GatewayResponse;
import com.reservas.payment.application.port.out.PaymentGateway;
import com.reservas.payment.application.port.out.PaymentOutcomePort;
import com.reservas.payment.domain.Money;
import com.reservas.payment.domain.PaymentDecision;
import com.reservas.payment.domain.PaymentOperation;
import com.reservas.payment.domain.PaymentOutcome;
import com.reservas.payment.domain.ReservationPayment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Handles a reservation event: decides from the snapshot, calls Stripe with the operation's
 * idempotency key, and publishes the outcome. An authorization asked for again is first looked up,
 * so that one made more than a day ago (Stripe's key window) is found rather than made twice. A
 * void that finds the payment captured becomes a refund, published as {@code PaymentRefunded} with
 * the calls of both.
 */
public class PaymentService implements HandleReservationEventUseCase {

  private final PaymentGateway gateway;
  private final PaymentOutcomePort outcomes;

  /** A service calling {@code gateway} and publishing to {@code outcomes}. */
  public PaymentService(PaymentGateway gateway, PaymentOutcomePort outcomes) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
  }

  @Override
  public HandlingResult handle(ReservationEvent event) {
    ReservationPayment reservation = event.reservation();
    PaymentDecision decision = PaymentDecision.decide(reservation, event.reminder());
    switch (decision.kind()) {
      case IGNORE:
        return new HandlingResult(decision, List.of());
      case INVALID:
        throw new InvalidReservationEventException(
            "Reservation " + reservation.code() + ": " + decision.reason());
      default:
        break;
    }
    PaymentOperation operation = decision.operation();
    String code = reservation.code();
    String key = operation.idempotencyKey(code);
    GatewayResponse response;
    PaymentOperation published = operation;
    List<HttpExchange> calls = new ArrayList<>();
    switch (operation) {
      case AUTHORIZE -> response = authorize(event, key, calls);
      case CAPTURE -> response = gateway.capture(key, code, reservation.paymentIntentId());
      case VOID -> {
        response = gateway.voidAuthorization(key, code, reservation.paymentIntentId());
        if (response.outcome() instanceof PaymentOutcome.AlreadyCaptured captured) {
          calls.addAll(response.calls());
          published = PaymentOperation.REFUND;
          response =
              gateway.refund(
                  PaymentOperation.REFUND.idempotencyKey(code), code, captured.paymentIntentId());
        }
      }
      case REFUND -> response = gateway.refund(key, code, reservation.paymentIntentId());
      default -> throw new IllegalStateException("Unknown operation " + operation);
    }
    calls.addAll(response.calls());
    outcomes.publish(event.source(), code, published, response.outcome(), calls);
    return new HandlingResult(decision, List.of(response.outcome()));
  }

  /**
   * Authorizes under the operation's key; a question asked before first looks for the PaymentIntent
   * Stripe made, since the key may have expired and would then make a second one.
   */
  private GatewayResponse authorize(ReservationEvent event, String key, List<HttpExchange> calls) {
    ReservationPayment reservation = event.reservation();
    String code = reservation.code();
    Money price = priceOf(reservation);
    if (reservation.authorizationAskedBefore()) {
      AuthorizationLookup found = gateway.findAuthorization(code, price);
      calls.addAll(found.calls());
      if (found.outcome().isPresent()) {
        return new GatewayResponse(found.outcome().get(), List.of());
      }
    }
    outcomes.authorizationStarted(event.source(), code, key);
    return gateway.authorize(key, code, price, reservation.paymentMethodToken());
  }

  private static Money priceOf(ReservationPayment reservation) {
    try {
      return reservation.price();
    } catch (IllegalArgumentException e) {
      throw new InvalidReservationEventException(
          "Reservation " + reservation.code() + " has an unusable price: " + e.getMessage(), e);
    }
  }
}
