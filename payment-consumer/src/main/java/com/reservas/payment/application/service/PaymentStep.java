package com.reservas.payment.application.service;

import com.reservas.consumer.support.loop.Decision;
import com.reservas.consumer.support.loop.HttpExchange;
import com.reservas.consumer.support.loop.ReservationStep;
import com.reservas.consumer.support.loop.UnprocessableEventException;
import com.reservas.payment.application.port.out.AuthorizationLookup;
import com.reservas.payment.application.port.out.GatewayResponse;
import com.reservas.payment.application.port.out.PaymentGateway;
import com.reservas.payment.domain.Money;
import com.reservas.payment.domain.PaymentOperation;
import com.reservas.payment.domain.PaymentOutcome;
import com.reservas.payment.domain.PaymentPolicy;
import com.reservas.payment.domain.PaymentResult;
import com.reservas.payment.domain.ReservationPayment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The payment step of the reservation saga: decides from the snapshot ({@link PaymentPolicy}),
 * calls Stripe with the operation's idempotency key, and publishes the outcome. An authorization
 * asked for again is first looked up, so that one made more than a day ago (Stripe's key window) is
 * found rather than made twice. A void that finds the payment captured becomes a refund, published
 * as {@code Refunded} with the calls of both.
 */
public final class PaymentStep
    implements ReservationStep<ReservationPayment, PaymentOperation, PaymentResult> {

  private final PaymentPolicy policy;
  private final PaymentGateway gateway;

  /** A step deciding with {@code policy} and calling {@code gateway}. */
  public PaymentStep(PaymentPolicy policy, PaymentGateway gateway) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.gateway = Objects.requireNonNull(gateway, "gateway");
  }

  @Override
  public Decision<PaymentOperation> decide(ReservationPayment reservation, boolean reminder) {
    return policy.decide(reservation, reminder);
  }

  @Override
  public void carryOut(
      ReservationPayment reservation,
      PaymentOperation operation,
      Outcomes<PaymentResult> outcomes) {
    String code = reservation.code();
    String key = operation.idempotencyKey(code);
    GatewayResponse response;
    PaymentOperation published = operation;
    List<HttpExchange> calls = new ArrayList<>();
    switch (operation) {
      case AUTHORIZE -> response = authorize(reservation, key, calls, outcomes);
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
    outcomes.publish(new PaymentResult(code, published, response.outcome(), calls));
  }

  /**
   * Authorizes under the operation's key; a question asked before first looks for the PaymentIntent
   * Stripe made, since the key may have expired and would then make a second one.
   */
  private GatewayResponse authorize(
      ReservationPayment reservation,
      String key,
      List<HttpExchange> calls,
      Outcomes<PaymentResult> outcomes) {
    String code = reservation.code();
    Money price = priceOf(reservation);
    if (reservation.authorizationAskedBefore()) {
      AuthorizationLookup found = gateway.findAuthorization(code, price);
      calls.addAll(found.calls());
      if (found.outcome().isPresent()) {
        return new GatewayResponse(found.outcome().get(), List.of());
      }
    }
    outcomes.publish(
        new PaymentResult(
            code,
            PaymentOperation.AUTHORIZE,
            new PaymentOutcome.AuthorizationStarted(key),
            List.of()));
    return gateway.authorize(key, code, price, reservation.paymentMethodToken());
  }

  private static Money priceOf(ReservationPayment reservation) {
    try {
      return reservation.price();
    } catch (IllegalArgumentException e) {
      throw new UnprocessableEventException(
          "Reservation " + reservation.code() + " has an unusable price: " + e.getMessage(), e);
    }
  }
}
